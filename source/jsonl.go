package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/faultline-news/faultline"
)

// jsonRecord is one line of a JSONL input. Text wins over HTML when a
// record has both.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Published json.RawMessage `json:"published"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
}

// jsonlHint is the remedy for a bad JSONL line.
const jsonlHint = "each line must be one JSON object with id, url, title, published and text or html"

// readJSONL streams a JSON Lines input: one item per line, one error item
// per bad line, and the run goes on. Each line is bounded by MaxBytes;
// the file as a whole is not.
func (r *reader) readJSONL(ctx context.Context, in input) error {
	ref := in.src.Path
	if ref == "" {
		ref = in.name
	}
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, over, err := readLine(in.r, r.max)
		name := fmt.Sprintf("%s:%d", ref, lineNo)
		if over {
			if err := r.fail(name, in.src, faultline.EINVALID, "%s: line is over the %s limit for one record; split it or raise --max-bytes", name, formatSize(r.max)); err != nil {
				return err
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			if emitErr := r.emitJSONLine(in, name, line); emitErr != nil {
				return emitErr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			in.name = name
			return r.failRead(in, err)
		}
	}
}

// readLine reads up to and excluding the next newline. A line longer than
// limit is skipped to its end and reported with over set. err is io.EOF
// after the last line.
func readLine(br *bufio.Reader, limit int64) (line []byte, over bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			if int64(len(line)+len(chunk)) > limit+1 { // +1: the newline
				over = true
				line = nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, over, err
	}
}

func (r *reader) emitJSONLine(in input, name string, line []byte) error {
	line = bytes.TrimPrefix(line, bomUTF8)
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return r.fail(name, in.src, faultline.EINVALID, "%s: bad JSON record: %w; %s", name, err, jsonlHint)
	}
	src := faultline.Source{Path: in.src.Path, URL: strings.TrimSpace(rec.URL), Record: rawScalar(rec.ID)}
	if src.URL == "" && in.src.Path == "" {
		src.URL = in.src.URL
	}
	src.Site = siteOf(src.URL)
	item := Item{Name: name, Source: src, Title: strings.TrimSpace(rec.Title), Published: rawScalar(rec.Published)}
	switch {
	case rec.Text != nil && *rec.Text != "":
		item.Kind = KindRecordText
		item.Data = []byte(*rec.Text)
	case rec.HTML != nil && *rec.HTML != "":
		item.Kind = KindHTML
		item.Data = htmlToUTF8([]byte(*rec.HTML), "")
	default:
		return r.fail(name, src, faultline.EINVALID, "%s: record has no text and no html; add one of them (%s)", name, jsonlHint)
	}
	return r.emit(item)
}

// rawScalar renders a JSON string or number as text; null, absent, and
// other JSON values give "".
func rawScalar(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return strings.TrimSpace(s)
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if _, err := strconv.ParseFloat(string(raw), 64); err == nil {
			return string(raw)
		}
	}
	return ""
}
