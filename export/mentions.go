package export

import (
	"bufio"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// GDELTMentionColumns are the 16 columns of a GDELT 2.0 Mentions file, in
// order, as named in the GDELT Event Codebook V2.0.
var GDELTMentionColumns = []string{
	"GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType",
	"MentionSourceName", "MentionIdentifier", "SentenceID",
	"Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
	"InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
	"MentionDocTranslationInfo", "Extras",
}

// GDELT MentionType values used here.
const (
	MentionWeb          = 1 // WEB: MentionIdentifier is a URL
	MentionCitationOnly = 2 // CITATIONONLY: MentionIdentifier is a textual citation
)

// mentionsWriter writes one GDELT Mentions row per mention.
type mentionsWriter struct {
	w    *bufio.Writer
	opts Options
	row  []string
}

func (m *mentionsWriter) begin() error {
	if m.opts.Header {
		return writeTSV(m.w, GDELTMentionColumns)
	}
	return nil
}
func (m *mentionsWriter) end() error { return nil }

func (m *mentionsWriter) event(e *Event) error {
	id := strconv.FormatInt(globalID(e), 10)
	for _, mn := range e.mentions() {
		if mn.Doc == nil || mn.Event == nil {
			continue
		}
		m.row = mentionRow(m.row[:0], id, mn, m.opts)
		if err := writeTSV(m.w, m.row); err != nil {
			return err
		}
	}
	return nil
}

// mentionRow appends the 16 fields of one mention. EventTimeDate and
// MentionTimeDate are both Options.Now (the event's DATEADDED and the
// current update). Offsets are in characters (GDELT counts characters),
// -1 when the actor has no mention in the document.
func mentionRow(row []string, id string, m Mention, opts Options) []string {
	d, ev := m.Doc, m.Event
	stamp := opts.Now.UTC().Format(dateAddedLayout)
	mtype, ident := MentionWeb, d.Source.URL
	if ident == "" {
		mtype, ident = MentionCitationOnly, citation(d)
	}
	confidence := int(math.Round(finite(ev.Confidence) * 100))
	confidence = max(0, min(100, confidence))
	return append(row,
		id, stamp, stamp, strconv.Itoa(mtype),
		tsvField(site(d)), tsvField(ident), strconv.Itoa(ev.Sentence+1),
		strconv.Itoa(actorOffset(d, ev, ev.Source)),
		strconv.Itoa(actorOffset(d, ev, ev.Target)),
		strconv.Itoa(triggerOffset(d, ev)),
		"1", // found in the article text as given, not in a rewritten text
		strconv.Itoa(confidence),
		strconv.Itoa(utf8.RuneCountInString(d.Text)),
		formatNumber(m.Tone),
		"", // no machine translation
		"",
	)
}

// citation identifies a document without URL: title and path or record.
func citation(d *faultline.Document) string {
	where := d.Source.Path
	if where == "" {
		where = d.Source.Record
	}
	if where == "" {
		where = d.ID
	}
	return joinDistinct(d.Title, where)
}

// actorOffset is the character offset of the actor's mention in the
// event's sentence (its first mention in the document when none is in the
// sentence), or -1.
func actorOffset(d *faultline.Document, ev *faultline.Event, id *string) int {
	ent := entityByID(d, id)
	if ent == nil || len(ent.Mentions) == 0 {
		return -1
	}
	best := -1
	if ev.Sentence >= 0 && ev.Sentence < len(d.Sentences) {
		s := d.Sentences[ev.Sentence]
		for _, mn := range ent.Mentions {
			if mn.Start >= s.Start && mn.Start < s.End {
				best = mn.Start
				break
			}
		}
	}
	if best < 0 {
		best = ent.Mentions[0].Start
	}
	return runeOffset(d.Text, best)
}

// triggerOffset is the character offset of the event trigger, or -1.
func triggerOffset(d *faultline.Document, ev *faultline.Event) int {
	if ev.Trigger.End <= ev.Trigger.Start {
		return -1
	}
	return runeOffset(d.Text, ev.Trigger.Start)
}
