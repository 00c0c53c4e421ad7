package quote_test

import (
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/actor/actortest"
	"github.com/faultline-news/faultline/coref"
	"github.com/faultline-news/faultline/quote"
)

// TestSpeakersWithParse runs the real chain (tagger, parser, ner, actor,
// coref) on invented paragraphs and checks the speaker phrase of the
// first direct quote; "" means no speaker.
func TestSpeakersWithParse(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"clause subject of a partial quote", "Several protesters chanted “Go home now!” outside the town hall on Tuesday.", "Several protesters"},
		{"clause subject through an object", "Mayor Ellen Varga thanked the volunteers for “working through the night to save the bridge.”", "Mayor Ellen Varga"},
		{"participle after the main clause", "The union leader Marta Olsen addressed the strikers on Friday, saying: “We will not go back until the contract is signed.”", "The union leader Marta Olsen"},
		{"relative clause between subject and cue", "A senior aide who spoke on condition of anonymity to discuss internal strategy said on Monday, “We expect a very close race in the fall.”", "A senior aide"},
		{"main verb before a colon", "The new rulebook leaves no room for doubt: “No member may leave the union without a vote of the assembly.”", "The new rulebook"},
		{"base form of a cue", "“We will not give up the fight,” the striking workers insist.", "the striking workers"},
		{"a quantifier as speaker", "Supporters waved flags in the square. Others shouted, “Four more years for the mayor!”", "Others"},
		{"a determiner as speaker", "One supporter waved a flag. Another tweeted, “The mayor deserves four more years in office.”", "Another"},
		{"partial quote continued, then the cue", "“We are extremely happy” about the ruling, said Jane Roe, the director of the nurses' union.", "Jane Roe"},
		{"partial quote continued, then subject and cue", "“The governor has voted with the lobby many times” and against the new law, Roe said.", "Roe"},
		{"a second cue after a reported clause", "Dan Moreau said the plan was drafted by the city council and said, “Who will pay for the new bridge?”", "Dan Moreau"},
		{"a participle inside a reported clause", "Even a veteran party strategist said Moreau will have to decide which side he is on, saying, “At some point he has to choose.”", "Even a veteran party strategist"},
		{"a participle with its own subject", "A crowd gathered outside, with Moreau reportedly shouting: “Get them out of the hall!”", "Moreau"},
		{"an object before a participle's comma does not speak", "The former minister Ann Kelso recently urged women to vote for Tom Ruiz, saying, “There is a special place for people who help each other.”", "The former minister Ann Kelso"},
		{"an object before a conjoined cue does not speak", "She was defending the charity against recent attacks from the rival nominee Tom Ruiz, but admitted “one or two cases” of error.", "She"},
		{"a name tagged as an adverb", "And Skelly called Braynard “a real smart guy. I would like to think he knows the data.”", "Skelly"},
		{"a party tag before a colon", "Rep. Jane Doe (R-S.C.): \"I have never seen that figure in any report from the agency.\"", "Jane Doe"},
		{"a base-form cue tagged as a noun", "“We will keep working with our allies on all fronts,” the Saudis state in the white paper.", "the Saudis"},
		{"a sentence break inside a party tag", "In a statement released Thursday, Rep. Jane Doe (D-N.Y.) reacted to the news, saying: “The killer should be in prison for life.”", "Rep. Jane Doe"},
		{"a long relative clause after a passive asked by", "Moreau was asked by host Ann Kelso, who is backing Moreau but has previously dismissed the story about the mayor’s letters, “Now, you said you were tired of hearing about the letters, has it not moved?”", "host Ann Kelso"},
		{"a sign speaks its words", "Ann Kelso held up a sign saying “Teachers Against Cuts - We Remember.”", "a sign"},
		{"a headline that said", "Kelso posted her message under a headline that said, “The Mayor Must Go Now.”", "a headline"},
		{"a manner adverb before the cue", "In the spring after the scandal broke, Kelso emphatically proclaimed at a press conference, “I did not send any secret files.”", "Kelso"},
		{"a cue tagged as a noun", "In his old song, Billy Joel sings, \"Don’t go changing to try and please me.\" With Kelso, there is not much chance of that.", "Billy Joel"},
		{"a name signed after a dash", "Estimates of turnout are particularly hard - Pew Research: “All the samples evaluated include more engaged people.”", "Pew Research"},
		{"a place after a dash is no signature", "Notes from the road - Des Moines: “Polls open at seven in the morning.”", ""},
		{"passive asked: the addressee does not speak", "Olsen was asked, “Will the strike end before winter comes?”", ""},
		// No speaker is invented: the previous sentence names a person
		// but reports no speech, and the quote has no attribution.
		{"no speaker from the previous sentence", "Marta Olsen arrived at the factory gate early on Monday.\n\n“The strike will go on for a long time.”", ""},
		{"no speaker from a previous attribution in another paragraph", "Marta Olsen said the talks had failed.\n\nThe factory stayed closed all week.\n\n“The strike will go on for a long time.”", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := actortest.Run(t, tc.text, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), actor.New(), coref.New(), quote.New())
			var q *faultline.Quote
			for i := range doc.Quotes {
				if doc.Quotes[i].Direct {
					q = &doc.Quotes[i]
					break
				}
			}
			if q == nil {
				t.Fatalf("no direct quote in %q: %+v", tc.text, doc.Quotes)
			}
			if q.SpeakerText != tc.want {
				t.Errorf("speaker %q, want %q (cue %q)", q.SpeakerText, tc.want, q.Cue)
			}
			if tc.want == "" && q.Speaker != nil {
				t.Errorf("speaker entity %q, want none", *q.Speaker)
			}
		})
	}
}

// TestReportedBaseForm checks that a base-form cue reports speech as a
// finite verb ("Critics insist that ...") and not after "to" or another
// verb ("helped add").
func TestReportedBaseForm(t *testing.T) {
	doc := actortest.Run(t, "Critics insist that the new plan will fail within a year. The reports helped add momentum to the inquiry into the agency.", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), actor.New(), coref.New(), quote.New())
	if len(doc.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(doc.Quotes), doc.Quotes)
	}
	q := doc.Quotes[0]
	if q.SpeakerText != "Critics" || q.Cue != "insist" || q.Text != "the new plan will fail within a year" {
		t.Errorf("got speaker %q cue %q text %q", q.SpeakerText, q.Cue, q.Text)
	}
}

// TestCueAfterClosedQuote checks that a cue after a quote that closes its
// sentence, and which goes on with content of its own, reports that
// content rather than the quote.
func TestCueAfterClosedQuote(t *testing.T) {
	doc := actortest.Run(t, "The counsel Tom Baker said the inquiry was “ongoing.” He said the agency had not commented on its scope.", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), actor.New(), coref.New(), quote.New())
	var found bool
	for _, q := range doc.Quotes {
		if q.Direct && q.Cue == "said" && q.SpeakerText == "He" {
			t.Errorf("the quote %q took the next sentence's cue", q.Text)
		}
		if !q.Direct && q.SpeakerText == "He" && q.Text == "the agency had not commented on its scope" {
			found = true
		}
	}
	if !found {
		t.Errorf("the second sentence's report is missing: %+v", doc.Quotes)
	}
}

// TestTitleSpeaker checks that a speaker described by a title is linked to
// the person given that title before.
func TestTitleSpeaker(t *testing.T) {
	text := "Tom Baker, a spokesman for the transport ministry, visited the site on Monday.\n\n“We will rebuild the bridge before winter,” the spokesman said."
	doc := actortest.Run(t, text, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), actor.New(), coref.New(), quote.New())
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	for _, q := range doc.Quotes {
		if !q.Direct {
			continue
		}
		if q.SpeakerText != "the spokesman" || q.Speaker == nil || names[*q.Speaker] != "Tom Baker" {
			got := ""
			if q.Speaker != nil {
				got = names[*q.Speaker]
			}
			t.Errorf("speaker %q entity %q, want the spokesman, Tom Baker", q.SpeakerText, got)
		}
		return
	}
	t.Fatalf("no direct quote: %+v", doc.Quotes)
}

// TestEvidenceVerb checks a report by a verb of evidence without "that".
func TestEvidenceVerb(t *testing.T) {
	doc := actortest.Run(t, "The latest state poll showed the senator is leading the field with 31 percent of the vote.", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), actor.New(), coref.New(), quote.New())
	if len(doc.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(doc.Quotes), doc.Quotes)
	}
	if q := doc.Quotes[0]; q.SpeakerText != "The latest state poll" || q.Cue != "showed" {
		t.Errorf("got speaker %q cue %q text %q", q.SpeakerText, q.Cue, q.Text)
	}
}
