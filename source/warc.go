package source

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/faultline-news/faultline"
	"github.com/nlnwa/gowarc/v3"
)

// readWARC streams a WARC or gzipped WARC file. Response (and resource)
// records holding HTML become KindHTML items; every other record is
// skipped quietly and counted in Stats.SkippedRecords. A damaged record
// ends the file with an error item naming its offset, after every record
// before it has been emitted.
func (r *reader) readWARC(ctx context.Context, in input) (stop error) {
	ref := in.src.Path
	if ref == "" {
		ref = in.name
	}
	wf, err := gowarc.NewWarcFileReaderFromStream(in.r, 0, gowarc.WithBufferMaxMemBytes(1<<20))
	if err != nil {
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: cannot open WARC: %w; check the file", in.name, err)
	}
	defer wf.Close()
	where := "byte"
	if in.depth > 0 {
		where = "decompressed byte"
	}
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := nextRecord(wf)
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			return nil
		}
		if err == nil {
			err = damage(rec.Validation)
		}
		if err != nil {
			rec.Close()
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			return r.fail(in.name, in.src, faultline.EINVALID, "%s: WARC record %d at %s %d is truncated or damaged (%v); the records before it were read; re-download or repair the file", in.name, n, where, rec.Offset, err)
		}
		item, keep := r.warcItem(ctx, in, ref, rec)
		rec.Close()
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if !keep {
			r.stats.SkippedRecords++
			continue
		}
		if err := r.emit(item); err != nil {
			return err
		}
	}
}

// nextRecord reads the next record, turning a panic in the WARC library
// into an error (the reader cannot go on after one).
func nextRecord(wf *gowarc.WarcFileReader) (rec gowarc.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("WARC reader failed: %v", p)
		}
	}()
	return wf.Next()
}

// damage picks, among the validation findings of a record, one that means
// the record's content is incomplete.
func damage(findings []error) error {
	for _, f := range findings {
		var cl *gowarc.ContentLengthError
		if errors.As(f, &cl) {
			return f
		}
	}
	return nil
}

// isHTMLType reports whether a Content-Type names an HTML page.
func isHTMLType(contentType string) bool {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	return mediaType == "text/html" || mediaType == "application/xhtml+xml"
}

// warcItem turns one record into an item: the HTML page of a successful
// response or resource record, or an error item when such a page cannot be
// read. keep is false for records that are not HTML pages.
func (r *reader) warcItem(ctx context.Context, in input, ref string, rec gowarc.Record) (item Item, keep bool) {
	wr := rec.WarcRecord
	header := wr.WarcHeader()
	target := strings.Trim(strings.TrimSpace(header.Get(gowarc.WarcTargetURI)), "<>")
	id := strings.Trim(header.Get(gowarc.WarcRecordID), "<>")
	item.Name = fmt.Sprintf("%s#%s", ref, id)
	if id == "" {
		item.Name = fmt.Sprintf("%s@%d", ref, rec.Offset)
	}
	item.Source = faultline.Source{URL: target, Site: siteOf(target), Path: in.src.Path, Record: id}
	if item.Source.Path == "" && item.Source.URL == "" {
		item.Source.URL = in.src.URL
	}
	failed := func(format string, args ...any) (Item, bool) {
		err := faultline.Errorf(faultline.EINVALID, "%s: record at byte %d "+format, append([]any{item.Name, rec.Offset}, args...)...)
		err.Message = strings.Join(strings.Fields(err.Message), " ")
		item.Err = err
		return item, true
	}
	defer func() {
		if p := recover(); p != nil {
			item, keep = failed("could not be read (WARC library failed: %v); report this file as a bug", p)
		}
	}()

	var body io.Reader
	var contentType string
	switch wr.Type() {
	case gowarc.Response:
		block, ok := wr.Block().(gowarc.HttpResponseBlock)
		if !ok || block.HttpStatusCode() < 200 || block.HttpStatusCode() > 299 {
			return item, false
		}
		h := block.HttpHeader()
		if h != nil {
			contentType = h.Get("Content-Type")
		}
		if !isHTMLType(contentType) {
			return item, false
		}
		payload, err := block.PayloadBytes()
		if err != nil {
			return failed("cannot be read: %w; repair the file", err)
		}
		body, err = decodeHTTPBody(payload, h, isChunked(block.ProtocolHeaderBytes()))
		if err != nil {
			return failed("cannot be decoded: %w; skip the record or repair the file", err)
		}
	case gowarc.Resource:
		contentType = header.Get(gowarc.ContentType)
		if !isHTMLType(contentType) {
			return item, false
		}
		raw, err := wr.Block().RawBytes()
		if err != nil {
			return failed("cannot be read: %w; repair the file", err)
		}
		body = raw
	default:
		return item, false
	}

	data, over, err := readLimited(ctxReader{ctx, body}, r.max)
	if err != nil {
		return failed("cannot be read: %w; repair the file", err)
	}
	if over {
		return failed("is over the %s limit for one document; raise --max-bytes to read it", formatSize(r.max))
	}
	item.Kind = KindHTML
	item.Data = htmlToUTF8(data, contentType)
	return item, true
}

// decodeHTTPBody undoes the transfer and content encodings a WARC keeps as
// they went over the wire.
func decodeHTTPBody(payload io.Reader, h *http.Header, chunked bool) (io.Reader, error) {
	if chunked {
		payload = httputil.NewChunkedReader(bufio.NewReader(payload))
	}
	if h == nil {
		return payload, nil
	}
	switch enc := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); enc {
	case "", "identity":
		return payload, nil
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(payload)
		if err != nil {
			return nil, fmt.Errorf("damaged gzip body: %w", err)
		}
		return gz, nil
	case "deflate":
		// Most servers send zlib-wrapped data as "deflate"; a few send raw
		// deflate. A zlib stream starts with 0x78 (deflate, 32 KB window).
		br := bufio.NewReader(payload)
		if first, err := br.Peek(1); err == nil && first[0] == 0x78 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("damaged deflate body: %w", err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	default:
		return nil, fmt.Errorf("body uses content encoding %q, which is not supported", enc)
	}
}

// isChunked reports whether raw HTTP response headers declare a chunked
// transfer encoding. (The parsed header drops Transfer-Encoding.)
func isChunked(rawHeader []byte) bool {
	for _, line := range strings.Split(string(rawHeader), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Transfer-Encoding") &&
			strings.Contains(strings.ToLower(value), "chunked") {
			return true
		}
	}
	return false
}
