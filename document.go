package faultline

import "time"

// Document is one article: an immutable Text and layers of spans into it.
// Every Start/End pair is a half-open UTF-8 byte offset range into Text.
type Document struct {
	Schema        string    `json:"schema"`
	ID            string    `json:"id"`
	Source        Source    `json:"source"`
	Title         string    `json:"title"`
	Published     string    `json:"published"`
	PublishedFrom string    `json:"published_from"`
	Language      string    `json:"language"`
	Text          string    `json:"text"`
	Removed       []Removed `json:"removed"`
	DuplicateOf   *string   `json:"duplicate_of"`

	Sentences  []Sentence `json:"sentences"`
	Tokens     []Token    `json:"tokens"`
	Entities   []Entity   `json:"entities"`
	Quotes     []Quote    `json:"quotes"`
	Times      []Time     `json:"times"`
	Quantities []Quantity `json:"quantities"`
	Places     []Place    `json:"places"`
	Events     []Event    `json:"events"`

	// Errors records stage failures on this document; the run goes on.
	Errors []StageError `json:"errors,omitempty"`

	// Reference is the date relative expressions resolve against: the
	// publication date when known, else the time the document was read.
	// Stages never read the wall clock themselves.
	Reference time.Time `json:"-"`
	// Fingerprint is the near-duplicate signature of Text (see package dedupe).
	Fingerprint uint64 `json:"-"`
}

// Published date provenance values for Document.PublishedFrom.
const (
	PublishedFromMeta     = "meta"
	PublishedFromText     = "text"
	PublishedFromOverride = "override"
	PublishedFromNone     = "none"
)

// Source says where a document came from.
type Source struct {
	URL    string `json:"url"`
	Path   string `json:"path"`
	Site   string `json:"site"`
	Feed   string `json:"feed"`
	Record string `json:"record"`
}

// Removal kinds for Removed.Kind.
const (
	RemovedBoilerplate        = "boilerplate"
	RemovedDuplicateParagraph = "duplicate-paragraph"
	RemovedNavigation         = "navigation"
	RemovedCaption            = "caption"
	RemovedByline             = "byline"
	RemovedDateline           = "dateline"
)

// Removed is a piece of the input left out of Text, listed so that nothing
// disappears silently.
type Removed struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Sentence is a sentence span. Tokens, when present, index its tokens.
type Sentence struct {
	Start      int `json:"start"`
	End        int `json:"end"`
	TokenStart int `json:"-"`
	TokenEnd   int `json:"-"`
}

// Token is one word or punctuation mark. Head is the index (into
// Document.Tokens) of the syntactic head, -1 for the root or when unparsed.
type Token struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	POS   string `json:"pos"`
	XPOS  string `json:"xpos"`
	Lemma string `json:"lemma"`
	Head  int    `json:"head"`
	Dep   string `json:"dep"`
	// SpaceAfter is false when the next token follows without whitespace.
	SpaceAfter bool `json:"-"`
}

// Mention is a span of Text naming or referring to something.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity types.
const (
	EntityPerson = "PERSON"
	EntityOrg    = "ORG"
	EntityGPE    = "GPE"
	EntityLoc    = "LOC"
	EntityFac    = "FAC"
	EntityNORP   = "NORP"
	EntityEvent  = "EVENT"
	EntityLaw    = "LAW"
	EntityMisc   = "MISC"
)

// Entity is a person, group, place or other named thing with all its
// mentions in the document.
type Entity struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Type         string    `json:"type"`
	Mentions     []Mention `json:"mentions"`
	Aliases      []string  `json:"aliases"`
	Titles       []string  `json:"titles"`
	Affiliations []string  `json:"affiliations"`
	Actor        *Actor    `json:"actor"`
	Place        *string   `json:"place"`
}

// Actor is a CAMEO-style actor code.
type Actor struct {
	Code    string   `json:"code"`
	Country string   `json:"country"`
	Roles   []string `json:"roles"`
}

// Quote is a direct or reported statement with its speaker.
type Quote struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Direct      bool    `json:"direct"`
	Speaker     *string `json:"speaker"`
	SpeakerText string  `json:"speaker_text"`
	Cue         string  `json:"cue"`
	Medium      string  `json:"medium"`
}

// Time is a resolved date expression.
type Time struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
	Grain string `json:"grain"`
}

// Quantity is a number with what it counts.
type Quantity struct {
	Text     string  `json:"text"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Value    float64 `json:"value"`
	Modifier string  `json:"modifier"`
	Unit     string  `json:"unit"`
}

// Place is a resolved location.
type Place struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Entity     *string   `json:"entity"`
	Lat        float64   `json:"lat"`
	Lon        float64   `json:"lon"`
	Country    string    `json:"country"`
	Admin1     string    `json:"admin1"`
	Kind       string    `json:"kind"`
	GeonamesID int       `json:"geonames_id"`
	Confidence float64   `json:"confidence"`
	Mentions   []Mention `json:"mentions"`
}

// Plover is the PLOVER classification of an event.
type Plover struct {
	Type    string   `json:"type"`
	Mode    string   `json:"mode"`
	Context []string `json:"context"`
}

// Event is one coded action: who did what to whom, with its evidence.
type Event struct {
	ID           string  `json:"id"`
	Source       *string `json:"source"`
	Target       *string `json:"target"`
	SourceText   string  `json:"source_text"`
	TargetText   string  `json:"target_text"`
	SourceCode   string  `json:"source_code"`
	TargetCode   string  `json:"target_code"`
	CAMEO        string  `json:"cameo"`
	Plover       Plover  `json:"plover"`
	QuadClass    int     `json:"quad_class"`
	Goldstein    float64 `json:"goldstein"`
	Trigger      Mention `json:"trigger"`
	Sentence     int     `json:"sentence"`
	Negated      bool    `json:"negated"`
	Hypothetical bool    `json:"hypothetical"`
	ReportedBy   *string `json:"reported_by"`
	Date         string  `json:"date"`
	Place        *string `json:"place"`
	Confidence   float64 `json:"confidence"`
}

// StageError records a stage failure on one document.
type StageError struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// Normalize makes every list layer non-nil, so the JSON form always carries
// every key ("keys are always present" in the document format).
func (d *Document) Normalize() {
	if d.Schema == "" {
		d.Schema = SchemaDocument
	}
	if d.PublishedFrom == "" {
		d.PublishedFrom = PublishedFromNone
	}
	if d.Removed == nil {
		d.Removed = []Removed{}
	}
	if d.Sentences == nil {
		d.Sentences = []Sentence{}
	}
	if d.Tokens == nil {
		d.Tokens = []Token{}
	}
	if d.Entities == nil {
		d.Entities = []Entity{}
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Mentions == nil {
			e.Mentions = []Mention{}
		}
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		if e.Titles == nil {
			e.Titles = []string{}
		}
		if e.Affiliations == nil {
			e.Affiliations = []string{}
		}
	}
	if d.Quotes == nil {
		d.Quotes = []Quote{}
	}
	if d.Times == nil {
		d.Times = []Time{}
	}
	if d.Quantities == nil {
		d.Quantities = []Quantity{}
	}
	if d.Places == nil {
		d.Places = []Place{}
	}
	for i := range d.Places {
		if d.Places[i].Mentions == nil {
			d.Places[i].Mentions = []Mention{}
		}
	}
	if d.Events == nil {
		d.Events = []Event{}
	}
	for i := range d.Events {
		if d.Events[i].Plover.Context == nil {
			d.Events[i].Plover.Context = []string{}
		}
	}
}

// TokenWords returns the texts of doc.Tokens[r[0]:r[1]], or an error when
// a token lies outside the text.
func (doc *Document) TokenWords(r [2]int) ([]string, error) {
	toks := doc.Tokens[r[0]:r[1]]
	words := make([]string, len(toks))
	for i, t := range toks {
		if t.Start < 0 || t.End > len(doc.Text) || t.Start > t.End {
			return nil, Errorf(EINVALID,
				"document %q: token %d [%d,%d) lies outside the text (%d bytes); re-run the segment stage",
				doc.ID, r[0]+i, t.Start, t.End, len(doc.Text))
		}
		words[i] = doc.Text[t.Start:t.End]
	}
	return words, nil
}

// SentenceTokenRanges returns one [start, end) range of doc.Tokens per
// sentence: the sentences' token indexes when set, else their byte
// offsets; with no sentences, all tokens form one sentence.
func (doc *Document) SentenceTokenRanges() [][2]int {
	n := len(doc.Tokens)
	if n == 0 {
		return nil
	}
	if len(doc.Sentences) == 0 {
		return [][2]int{{0, n}}
	}
	indexed := false
	for _, s := range doc.Sentences {
		if s.TokenEnd > s.TokenStart {
			indexed = true
			break
		}
	}
	var out [][2]int
	if indexed {
		for _, s := range doc.Sentences {
			a, b := max(0, s.TokenStart), min(n, s.TokenEnd)
			if b > a {
				out = append(out, [2]int{a, b})
			}
		}
		return out
	}
	i := 0
	for _, s := range doc.Sentences {
		for i < n && doc.Tokens[i].Start < s.Start {
			i++
		}
		j := i
		for j < n && doc.Tokens[j].End <= s.End {
			j++
		}
		if j > i {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}
