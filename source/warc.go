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
	offset := int64(0)
	defer func() {
		if p := recover(); p != nil {
			stop = r.fail(in.name, in.src, faultline.EINTERNAL, "%s: WARC reader failed on the record at byte %d (%v); report this file as a bug", in.name, offset, p)
		}
	}()
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := wf.Next()
		offset = rec.Offset
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
			where := "byte"
			if in.depth > 0 {
				where = "decompressed byte"
			}
			return r.fail(in.name, in.src, faultline.EINVALID, "%s: WARC record %d at %s %d is truncated or damaged (%v); the records before it were read; re-download or repair the file", in.name, n, where, rec.Offset, err)
		}
		stop = r.readWARCRecord(ctx, in, ref, rec)
		rec.Close()
		if stop != nil {
			return stop
		}
	}
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

func (r *reader) readWARCRecord(ctx context.Context, in input, ref string, rec gowarc.Record) error {
	wr := rec.WarcRecord
	header := wr.WarcHeader()
	target := strings.Trim(strings.TrimSpace(header.Get(gowarc.WarcTargetURI)), "<>")
	id := strings.Trim(header.Get(gowarc.WarcRecordID), "<>")
	name := fmt.Sprintf("%s#%s", ref, id)
	if id == "" {
		name = fmt.Sprintf("%s@%d", ref, rec.Offset)
	}
	src := faultline.Source{URL: target, Site: siteOf(target), Path: in.src.Path, Record: id}
	if src.Path == "" && src.URL == "" {
		src.URL = in.src.URL
	}

	var body io.Reader
	var contentType string
	switch wr.Type() {
	case gowarc.Response:
		block, ok := wr.Block().(gowarc.HttpResponseBlock)
		if !ok || block.HttpStatusCode() < 200 || block.HttpStatusCode() > 299 {
			r.stats.SkippedRecords++
			return nil
		}
		h := block.HttpHeader()
		if h != nil {
			contentType = h.Get("Content-Type")
		}
		if !isHTMLType(contentType) {
			r.stats.SkippedRecords++
			return nil
		}
		payload, err := block.PayloadBytes()
		if err != nil {
			return r.fail(name, src, faultline.EINVALID, "%s: cannot read the record at byte %d: %w; repair the file", name, rec.Offset, err)
		}
		body, err = decodeHTTPBody(payload, h, isChunked(block.ProtocolHeaderBytes()))
		if err != nil {
			return r.fail(name, src, faultline.EINVALID, "%s: record at byte %d: %w; skip the record or repair the file", name, rec.Offset, err)
		}
	case gowarc.Resource:
		contentType = header.Get(gowarc.ContentType)
		if !isHTMLType(contentType) {
			r.stats.SkippedRecords++
			return nil
		}
		raw, err := wr.Block().RawBytes()
		if err != nil {
			return r.fail(name, src, faultline.EINVALID, "%s: cannot read the record at byte %d: %w; repair the file", name, rec.Offset, err)
		}
		body = raw
	default:
		r.stats.SkippedRecords++
		return nil
	}

	data, over, err := readLimited(ctxReader{ctx, body}, r.max)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return r.fail(name, src, faultline.EINVALID, "%s: record at byte %d cannot be read: %w; repair the file", name, rec.Offset, err)
	}
	if over {
		return r.fail(name, src, faultline.EINVALID, "%s: record at byte %d is over the %s limit for one document; raise --max-bytes to read it", name, rec.Offset, formatSize(r.max))
	}
	return r.emit(Item{Name: name, Source: src, Kind: KindHTML, Data: htmlToUTF8(data, contentType)})
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
