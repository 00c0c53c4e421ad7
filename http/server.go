// Package http serves faultline's store as a JSON HTTP API under /api/:
// documents, events (with per-day counts for a timeline), actors, quotes,
// places and full-text search, with an OpenAPI 3.0 description at
// /api/openapi.json.
//
// The package is named after the protocol it adapts the domain to, in the
// manner of the Standard Package Layout; it imports the standard library's
// net/http as nethttp. Importers outside this package usually alias it
// too, for example:
//
//	import api "github.com/faultline-news/faultline/http"
package http

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	nethttp "net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite"
	"github.com/klauspost/compress/gzip"
)

// Options configures a Server. Zero fields take the defaults given.
type Options struct {
	// ReadHeaderTimeout (default 5 s), ReadTimeout (default 15 s),
	// WriteTimeout (default 60 s) and IdleTimeout (default 120 s) are the
	// net/http server timeouts used by ListenAndServe and Serve.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// QueryTimeout bounds the store work of one request (default 30 s);
	// a request that runs out gets a 503.
	QueryTimeout time.Duration
	// ShutdownTimeout is how long ListenAndServe waits for requests in
	// flight once its context is cancelled (default 10 s).
	ShutdownTimeout time.Duration
	// Queries is how many requests may work on the store at once
	// (default GOMAXPROCS, the store's own read parallelism); the others
	// wait their turn, first come first served. A request's queries (a
	// page of events and their total) then run back to back instead of
	// queueing in the store once each.
	Queries int
	// Static, when set, serves every path outside /api/ (the web page).
	// Without it such paths get a JSON 404.
	Static nethttp.Handler
	// Logger receives recovered panics and internal errors (default
	// slog.Default()).
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.ReadHeaderTimeout, 5*time.Second)
	def(&o.ReadTimeout, 15*time.Second)
	def(&o.WriteTimeout, 60*time.Second)
	def(&o.IdleTimeout, 120*time.Second)
	def(&o.QueryTimeout, 30*time.Second)
	def(&o.ShutdownTimeout, 10*time.Second)
	if o.Queries <= 0 {
		o.Queries = runtime.GOMAXPROCS(0)
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Server is the API: an http.Handler over a store.
type Server struct {
	store *sqlite.Store
	opts  Options
	mux   *nethttp.ServeMux
	// slots admits requests to the store (Options.Queries).
	slots chan struct{}
}

// NewServer returns the API over store. The store stays owned by the
// caller, who closes it after the server has stopped.
func NewServer(store *sqlite.Store, opts Options) *Server {
	s := &Server{store: store, opts: opts.withDefaults(), mux: nethttp.NewServeMux()}
	s.slots = make(chan struct{}, s.opts.Queries)
	for _, rt := range s.routes() {
		s.mux.Handle(rt.pattern(), s.endpoint(rt))
	}
	s.mux.HandleFunc("/api/", func(w nethttp.ResponseWriter, r *nethttp.Request) {
		s.writeError(w, r, faultline.Errorf(faultline.ENOTFOUND, "no API endpoint %s; the endpoints are listed in /api/openapi.json", r.URL.Path))
	})
	s.mux.HandleFunc("/", func(w nethttp.ResponseWriter, r *nethttp.Request) {
		if s.opts.Static != nil {
			s.opts.Static.ServeHTTP(w, r)
			return
		}
		s.writeError(w, r, faultline.Errorf(faultline.ENOTFOUND, "nothing at %s; the API is under /api/ (see /api/openapi.json)", r.URL.Path))
	})
	return s
}

// ServeHTTP serves one request, turning a panic into a JSON 500.
func (s *Server) ServeHTTP(w nethttp.ResponseWriter, r *nethttp.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == nethttp.ErrAbortHandler {
				panic(v)
			}
			s.opts.Logger.Error("http: panic serving request", "method", r.Method, "url", r.URL.String(), "panic", v, "stack", string(debug.Stack()))
			s.writeError(w, r, faultline.Errorf(faultline.EINTERNAL, "internal error serving %s; this is a bug, please report it", r.URL.Path))
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// ListenAndServe listens on addr (":8080", "127.0.0.1:0") and serves
// until ctx is cancelled, then shuts down gracefully: it stops accepting,
// waits up to Options.ShutdownTimeout for requests in flight and returns
// nil. It returns an EUNAVAILABLE error when addr cannot be listened on.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := new(net.ListenConfig).Listen(ctx, "tcp", addr)
	if err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "serve: cannot listen on %s: %w; choose another address with --addr", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled, as ListenAndServe does. It
// closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &nethttp.Server{
		Handler:           s,
		ReadHeaderTimeout: s.opts.ReadHeaderTimeout,
		ReadTimeout:       s.opts.ReadTimeout,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       s.opts.IdleTimeout,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		ErrorLog:          slog.NewLogLogger(s.opts.Logger.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return faultline.Errorf(faultline.EUNAVAILABLE, "serve on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		<-done
		return faultline.Errorf(faultline.EUNAVAILABLE, "serve on %s: shutdown: %w; requests still running after %v were cut off", ln.Addr(), err, s.opts.ShutdownTimeout)
	}
	if err := <-done; err != nil && !errors.Is(err, nethttp.ErrServerClosed) {
		return faultline.Errorf(faultline.EUNAVAILABLE, "serve on %s: %w", ln.Addr(), err)
	}
	return nil
}

// errorBody is the JSON form of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers with err as JSON, its status from its code.
func (s *Server) writeError(w nethttp.ResponseWriter, r *nethttp.Request, err error) {
	s.writeErrorStatus(w, r, faultline.HTTPStatus(faultline.ErrorCode(err)), err)
}

func (s *Server) writeErrorStatus(w nethttp.ResponseWriter, r *nethttp.Request, status int, err error) {
	var body errorBody
	body.Error.Code = faultline.ErrorCode(err)
	body.Error.Message = faultline.ErrorMessage(err)
	if status >= 500 && r.Context().Err() == nil { // not a client that left
		s.opts.Logger.Warn("http: request failed", "url", r.URL.String(), "status", status, "error", err)
	}
	s.writeJSON(w, r, status, body)
}

// writeJSON encodes v and writes it, gzipped when the client accepts it
// and the body is worth compressing. klauspost/compress's gzip at BestSpeed
// takes about half the CPU of the standard library's on our JSON.
func (s *Server) writeJSON(w nethttp.ResponseWriter, r *nethttp.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = nethttp.StatusInternalServerError
		s.opts.Logger.Error("http: encode response", "url", r.URL.String(), "error", err)
		buf.Reset()
		fmt.Fprintf(&buf, `{"error":{"code":%q,"message":"the response could not be encoded as JSON; this is a bug"}}`+"\n", faultline.EINTERNAL)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Add("Vary", "Accept-Encoding")
	if buf.Len() < 1024 || !acceptsGzip(r.Header.Get("Accept-Encoding")) {
		w.WriteHeader(status)
		w.Write(buf.Bytes())
		return
	}
	h.Set("Content-Encoding", "gzip")
	w.WriteHeader(status)
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(w)
	zw.Write(buf.Bytes())
	zw.Close()
	gzipWriters.Put(zw)
}

var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return zw
}}

// acceptsGzip reports whether an Accept-Encoding header value admits gzip
// with a non-zero quality, named or through "*".
func acceptsGzip(header string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		ok := !zeroQuality(params)
		switch name {
		case "gzip", "x-gzip":
			return ok
		case "*":
			star = ok
		}
	}
	return star
}

// zeroQuality reports whether Accept-Encoding parameters say q=0.
func zeroQuality(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.TrimSpace(k) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q == 0
	}
	return false
}
