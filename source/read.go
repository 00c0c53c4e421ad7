package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
)

// Defaults for Options fields left zero.
const (
	DefaultMaxBytes       int64 = 50 << 20
	DefaultConnectTimeout       = 10 * time.Second
	DefaultTimeout              = 60 * time.Second
	DefaultUserAgent            = "faultline/0.1 (+https://github.com/faultline-news/faultline)"
)

// Options configures Read. The zero value is ready to use.
type Options struct {
	// MaxBytes bounds one document: an HTML or text file, a feed, one
	// JSONL line, one WARC record. WARC and JSONL files are streamed and
	// may be larger as a whole. Zero means DefaultMaxBytes.
	MaxBytes int64
	// FollowLinks fetches the page behind each feed item's link instead of
	// using the content the feed carries.
	FollowLinks bool
	// HTTPClient fetches URLs and followed links. Nil means a client built
	// by NewHTTPClient(ConnectTimeout, Timeout).
	HTTPClient *http.Client
	// ConnectTimeout and Timeout configure the default client; zero means
	// DefaultConnectTimeout and DefaultTimeout.
	ConnectTimeout time.Duration
	Timeout        time.Duration
	// UserAgent is sent with every request; empty means DefaultUserAgent.
	UserAgent string
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// Stats, when not nil, receives counts as Read goes.
	Stats *Stats
}

// Stats counts what Read saw. Read only adds to it.
type Stats struct {
	Inputs int // inputs read: files (including those found in directories), stdin, URLs
	Items  int // items emitted without Err
	Errors int // items emitted with Err
	// SkippedRecords counts WARC records passed over quietly because they
	// are not HTML responses (requests, metadata, images, redirects...).
	SkippedRecords int
}

// NewHTTPClient returns a client that gives up connecting after connect
// and on the whole exchange, body included, after total.
func NewHTTPClient(connect, total time.Duration) *http.Client {
	if connect <= 0 {
		connect = DefaultConnectTimeout
	}
	if total <= 0 {
		total = DefaultTimeout
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.DialContext = (&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}).DialContext
	transport.TLSHandshakeTimeout = connect
	return &http.Client{Transport: transport, Timeout: total}
}

// Read reads every input in order and calls emit for each article found,
// and for each input (or record) that could not be read, with Item.Err
// set. An input is a file path, a directory (read recursively in lexical
// order, skipping hidden entries and SQLite database files), "-" for
// standard input, or an http(s) URL. Formats are detected from content:
// gzip (decompressed, then detected again), WARC, RSS/Atom/JSON feeds,
// JSONL records, HTML and plain text.
//
// Read stops early only when ctx is cancelled (it returns ctx.Err()) or
// when emit returns an error (Read returns that error). emit is called
// from the calling goroutine, one item at a time.
func Read(ctx context.Context, inputs []string, opts Options, emit func(Item) error) error {
	r := newReader(opts, emit)
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			err = r.readStdin(ctx)
		case isURL(in):
			err = r.readURL(ctx, in)
		default:
			err = r.readPath(ctx, in)
		}
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// reader holds the state of one Read call.
type reader struct {
	opts   Options
	max    int64
	client *http.Client
	emitFn func(Item) error
	stats  *Stats
}

func newReader(opts Options, emit func(Item) error) *reader {
	r := &reader{opts: opts, max: opts.MaxBytes, client: opts.HTTPClient, emitFn: emit, stats: opts.Stats}
	if r.max <= 0 {
		r.max = DefaultMaxBytes
	}
	if r.client == nil {
		r.client = NewHTTPClient(opts.ConnectTimeout, opts.Timeout)
	}
	if r.opts.UserAgent == "" {
		r.opts.UserAgent = DefaultUserAgent
	}
	if r.stats == nil {
		r.stats = &Stats{}
	}
	return r
}

// emit hands one item over and counts it.
func (r *reader) emit(it Item) error {
	if it.Err != nil {
		r.stats.Errors++
		it.Data = nil
	} else {
		r.stats.Items++
	}
	return r.emitFn(it)
}

// fail emits an error item for name. The message must name the input and
// end with the remedy.
func (r *reader) fail(name string, src faultline.Source, code, format string, args ...any) error {
	err := faultline.Errorf(code, format, args...)
	// Messages are one line, whatever a library's error text holds.
	err.Message = strings.Join(strings.Fields(err.Message), " ")
	return r.emit(Item{Name: name, Source: src, Err: err})
}

// input is one byte stream being read, with what is known about it.
type input struct {
	name        string // for messages
	src         faultline.Source
	r           *bufio.Reader
	size        int64  // in bytes when known (plain files, HTTP bodies), else -1
	contentType string // HTTP Content-Type, if any
	depth       int    // gzip layers already removed
}

func (r *reader) readStdin(ctx context.Context) error {
	r.stats.Inputs++
	stdin := r.opts.Stdin
	if stdin == nil {
		stdin = os.Stdin
	}
	in := input{name: "stdin", r: bufio.NewReaderSize(ctxReader{ctx, stdin}, sniffLen), size: -1}
	return r.readStream(ctx, in)
}

// readPath reads a file or walks a directory.
func (r *reader) readPath(ctx context.Context, given string) error {
	p := filepath.Clean(given)
	info, err := os.Stat(p)
	if err != nil {
		return r.failOpen(p, err)
	}
	if !info.IsDir() {
		return r.readFile(ctx, p)
	}
	var stop error
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if stop = ctx.Err(); stop != nil {
			return stop
		}
		if err != nil {
			if stop = r.failOpen(path, err); stop != nil {
				return stop
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || isDatabaseFile(d.Name()) {
			return nil
		}
		if !d.Type().IsRegular() {
			// Follow symlinks to files only; skip devices, sockets, and
			// links to directories (which could loop).
			if d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			target, err := os.Stat(path)
			if err != nil || !target.Mode().IsRegular() {
				return nil
			}
		}
		stop = r.readFile(ctx, path)
		return stop
	})
	if stop != nil {
		return stop
	}
	if walkErr != nil {
		return r.failOpen(p, walkErr)
	}
	return nil
}

// isDatabaseFile reports whether name is a SQLite store or one of its
// side files, which live next to the inputs but are never articles.
func isDatabaseFile(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range []string{".db", ".sqlite", ".sqlite3"} {
		for _, side := range []string{"", "-wal", "-shm", "-journal"} {
			if strings.HasSuffix(lower, ext+side) {
				return true
			}
		}
	}
	return false
}

func (r *reader) failOpen(p string, err error) error {
	r.stats.Inputs++
	src := faultline.Source{Path: p}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return r.fail(p, src, faultline.ENOTFOUND, "%s: no such file or directory; check the path: %w", p, err)
	case errors.Is(err, fs.ErrPermission):
		return r.fail(p, src, faultline.EINVALID, "%s: permission denied; make the file readable: %w", p, err)
	}
	return r.fail(p, src, faultline.EINVALID, "%s: cannot open: %w; check the path", p, err)
}

func (r *reader) readFile(ctx context.Context, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return r.failOpen(p, err)
	}
	defer f.Close()
	r.stats.Inputs++
	size := int64(-1)
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	in := input{
		name: p,
		src:  faultline.Source{Path: p},
		r:    bufio.NewReaderSize(ctxReader{ctx, f}, sniffLen),
		size: size,
	}
	return r.readStream(ctx, in)
}

// readStream detects the format of in and hands it to the matching reader.
func (r *reader) readStream(ctx context.Context, in input) error {
	head, err := in.r.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if len(head) == 0 {
			return r.failRead(in, err)
		}
	}
	f := sniff(head, in.name, in.contentType)
	switch f {
	case formatEmpty:
		if in.depth > 0 {
			return r.fail(in.name, in.src, faultline.EINVALID, "%s: empty file (nothing inside the gzip data); remove it or pass a file with content", in.name)
		}
		if in.src.URL != "" && in.src.Path == "" {
			return r.fail(in.name, in.src, faultline.EINVALID, "%s: empty response; check the address", in.name)
		}
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: empty file; remove it or pass a file with content", in.name)
	case formatBinary:
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: not a text, HTML, feed, WARC or JSONL file (looks like binary data); remove it or pass a supported file", in.name)
	case formatJSON:
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: a JSON document, not JSON Lines; write one record per line ({id,url,title,published,text|html})", in.name)
	case formatGzip:
		return r.readGzip(ctx, in, head)
	case formatWARC:
		return r.readWARC(ctx, in)
	case formatFeed:
		return r.readFeed(ctx, in)
	case formatJSONL:
		return r.readJSONL(ctx, in)
	case formatHTML:
		return r.readDocument(ctx, in, KindHTML)
	default:
		return r.readDocument(ctx, in, KindText)
	}
}

// maxGzipDepth bounds nested gzip layers (a .gz inside a .gz is allowed).
const maxGzipDepth = 2

// readGzip decompresses in and detects the format again. A gzipped WARC is
// handed to the WARC reader compressed, so that record offsets are file
// offsets and each gzip member is read on its own.
func (r *reader) readGzip(ctx context.Context, in input, head []byte) error {
	if in.depth >= maxGzipDepth {
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: gzip nested more than %d deep; decompress it first", in.name, maxGzipDepth)
	}
	if in.depth == 0 && gzipMemberPerRecord(head) {
		return r.readWARC(ctx, in)
	}
	gz, err := gzip.NewReader(in.r)
	if err != nil {
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: damaged gzip header: %w; re-download or re-compress the file", in.name, err)
	}
	defer gz.Close()
	inner := in
	inner.r = bufio.NewReaderSize(&gzipBody{r: gz}, sniffLen)
	inner.size = -1
	inner.depth++
	inner.name = in.name
	return r.readStream(ctx, inner)
}

// gzipMemberPerRecord reports whether the gzip data starting in head is a
// WARC compressed the standard way, one gzip member per record, which the
// WARC reader takes compressed. A WARC gzipped as a whole (gzip crawl.warc)
// is not: its first member runs on past the first record, and it is
// decompressed before reading.
func gzipMemberPerRecord(head []byte) bool {
	gz, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	defer gz.Close()
	gz.Multistream(false)
	member, _ := io.ReadAll(gz) // a cut-off member still gives its start
	if !bytes.HasPrefix(member, []byte("WARC/")) {
		return false
	}
	headerEnd := bytes.Index(member, []byte("\r\n\r\n"))
	if headerEnd < 0 {
		return true // a huge header: let the WARC reader judge
	}
	length := int64(-1)
	for _, line := range bytes.Split(member[:headerEnd], []byte("\r\n")) {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(name)), "Content-Length") {
			if n, err := strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64); err == nil {
				length = n
			}
		}
	}
	if length < 0 {
		return true
	}
	end := int64(headerEnd+4) + length
	if int64(len(member)) <= end {
		return true // the first record fills what could be decompressed
	}
	rest := bytes.TrimLeft(member[end:], "\r\n")
	return !bytes.HasPrefix(rest, []byte("WARC/"))
}

// gzipError is a failure inside gzip data, Offset bytes into the
// decompressed stream.
type gzipError struct {
	Offset int64
	Err    error
}

func (e *gzipError) Error() string {
	return fmt.Sprintf("gzip data is truncated or damaged after %d decompressed bytes (%v)", e.Offset, e.Err)
}

func (e *gzipError) Unwrap() error { return e.Err }

// gzipBody counts decompressed bytes and tags read errors with the offset.
type gzipBody struct {
	r io.Reader
	n int64
}

func (g *gzipBody) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.n += int64(n)
	if err != nil && err != io.EOF {
		err = &gzipError{Offset: g.n, Err: err}
	}
	return n, err
}

// failRead emits the error item for a stream that broke while being read.
func (r *reader) failRead(in input, err error) error {
	var gzErr *gzipError
	if errors.As(err, &gzErr) {
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: %w; re-download or re-compress the file", in.name, err)
	}
	if in.src.URL != "" && in.src.Path == "" {
		return r.fail(in.name, in.src, faultline.EUNAVAILABLE, "%s: cannot fetch: reading the body failed: %w; check the address or your network", in.name, err)
	}
	return r.fail(in.name, in.src, faultline.EINVALID, "%s: read failed: %w; check the file", in.name, err)
}

// readLimited reads all of rd, up to limit bytes. over is true when rd
// holds more than limit bytes.
func readLimited(rd io.Reader, limit int64) (data []byte, over bool, err error) {
	data, err = io.ReadAll(io.LimitReader(rd, limit+1))
	if int64(len(data)) > limit {
		return data[:limit], true, err
	}
	return data, false, err
}

// failTooBig emits the error for a document over the size limit. size is
// the document's size when known, else -1.
func (r *reader) failTooBig(name string, src faultline.Source, size int64, what string) error {
	if size > r.max {
		return r.fail(name, src, faultline.EINVALID, "%s: %s is over the %s limit for one %s; split it or raise --max-bytes", name, formatSize(size), formatSize(r.max), what)
	}
	return r.fail(name, src, faultline.EINVALID, "%s: more than %s, over the limit for one %s; split it or raise --max-bytes", name, formatSize(r.max), what)
}

// formatSize writes a byte count for people: 512 bytes, 12 KB, 50 MB, 1.5 GB.
func formatSize(n int64) string {
	const (
		kb = 1 << 10
		mb = 1 << 20
		gb = 1 << 30
	)
	trim := func(v float64, unit string) string {
		s := fmt.Sprintf("%.1f", v)
		s = strings.TrimSuffix(s, ".0")
		return s + " " + unit
	}
	switch {
	case n >= gb:
		return trim(float64(n)/gb, "GB")
	case n >= mb:
		return trim(float64(n)/mb, "MB")
	case n >= kb:
		return trim(float64(n)/kb, "KB")
	}
	return fmt.Sprintf("%d bytes", n)
}

// readDocument reads a single HTML page or text file.
func (r *reader) readDocument(ctx context.Context, in input, kind Kind) error {
	if in.size > r.max {
		return r.failTooBig(in.name, in.src, in.size, "document")
	}
	data, over, err := readLimited(in.r, r.max)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return r.failRead(in, err)
	}
	if over {
		return r.failTooBig(in.name, in.src, in.size, "document")
	}
	if kind == KindHTML {
		data = htmlToUTF8(data, in.contentType)
		if in.src.Site == "" {
			// A saved page names its site in its canonical link, if anywhere.
			in.src.Site = siteOf(canonicalURL(data))
		}
	} else {
		data = textToUTF8(data)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		// Stray NUL bytes (seen in real pages) mean nothing in HTML or text.
		data = bytes.ReplaceAll(data, []byte{0}, nil)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: empty file (only white space); remove it or pass a file with content", in.name)
	}
	return r.emit(Item{Name: in.name, Source: in.src, Kind: kind, Data: data})
}

// ctxReader stops reading once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
