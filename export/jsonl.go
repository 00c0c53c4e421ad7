package export

import (
	"bufio"
	"encoding/json"

	"github.com/faultline-news/faultline"
)

// jsonlWriter writes faultline documents, one JSON object per line.
type jsonlWriter struct {
	enc *json.Encoder
}

func newJSONLWriter(w *bufio.Writer) *jsonlWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{enc: enc}
}

// document writes d with every list layer present (Normalize), leaving the
// caller's Document value as it was apart from nil lists becoming empty.
func (j *jsonlWriter) document(d *faultline.Document) error {
	c := *d
	c.Normalize()
	sanitizeFloats(&c)
	return j.enc.Encode(&c)
}

// sanitizeFloats replaces NaN and infinities, which encoding/json refuses,
// in the float fields a document carries. Slices are copied before editing
// so the caller's document is not changed.
func sanitizeFloats(d *faultline.Document) {
	bad := func(f float64) bool { return finite(f) != f }
	for i, q := range d.Quantities {
		if bad(q.Value) {
			d.Quantities = append([]faultline.Quantity(nil), d.Quantities...)
			for k := i; k < len(d.Quantities); k++ {
				d.Quantities[k].Value = finite(d.Quantities[k].Value)
			}
			break
		}
	}
	for i, p := range d.Places {
		if bad(p.Lat) || bad(p.Lon) || bad(p.Confidence) {
			d.Places = append([]faultline.Place(nil), d.Places...)
			for k := i; k < len(d.Places); k++ {
				p := &d.Places[k]
				p.Lat, p.Lon, p.Confidence = finite(p.Lat), finite(p.Lon), finite(p.Confidence)
			}
			break
		}
	}
	for i, e := range d.Events {
		if bad(e.Goldstein) || bad(e.Confidence) {
			d.Events = append([]faultline.Event(nil), d.Events...)
			for k := i; k < len(d.Events); k++ {
				e := &d.Events[k]
				e.Goldstein, e.Confidence = finite(e.Goldstein), finite(e.Confidence)
			}
			break
		}
	}
}

// jsonlEventWriter writes each distinct document among the events'
// mentions once, for WriteEvents with the jsonl format.
type jsonlEventWriter struct {
	jw   *jsonlWriter
	seen map[*faultline.Document]bool
}

func (j *jsonlEventWriter) begin() error { return nil }
func (j *jsonlEventWriter) end() error   { return nil }

func (j *jsonlEventWriter) event(e *Event) error {
	for _, m := range e.mentions() {
		if m.Doc == nil || j.seen[m.Doc] {
			continue
		}
		j.seen[m.Doc] = true
		if err := j.jw.document(m.Doc); err != nil {
			return err
		}
	}
	return nil
}
