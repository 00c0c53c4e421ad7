package http

import (
	"context"
	"fmt"
	"html"
	nethttp "net/http"
	"strings"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite"
)

// route is one GET endpoint: its path, parameters, result and handler.
// The OpenAPI description is built from the same table.
type route struct {
	path        string // a net/http pattern path: /api/documents/{id}
	summary     string
	description string
	params      []param
	// result is a value of the type the handler returns, for the schema.
	result any
	handle func(ctx context.Context, r *nethttp.Request, a *args) (any, error)
}

func (rt route) pattern() string { return rt.path }

// page is one page of a list.
type page[T any] struct {
	// Total is the number of matching items, when the store counts them.
	Total  *int `json:"total,omitempty"`
	Limit  int  `json:"limit"`
	Offset int  `json:"offset"`
	Items  []T  `json:"items"`
	// Next is the URL (path and query) of the following page, when there
	// is one.
	Next string `json:"next,omitempty"`
}

// list is the result of endpoints that are not paged.
type list[T any] struct {
	Items []T `json:"items"`
}

// DocumentSummary is one row of /api/documents.
type DocumentSummary struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Published   string  `json:"published"`
	URL         string  `json:"url"`
	Site        string  `json:"site"`
	Language    string  `json:"language"`
	DuplicateOf *string `json:"duplicate_of"`
	Counts      Counts  `json:"counts"`
}

// Counts is the size of each layer of a document.
type Counts struct {
	Sentences  int `json:"sentences"`
	Entities   int `json:"entities"`
	Quotes     int `json:"quotes"`
	Times      int `json:"times"`
	Quantities int `json:"quantities"`
	Places     int `json:"places"`
	Events     int `json:"events"`
}

// SearchHit is one result of /api/search.
type SearchHit struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Path      string `json:"path"`
	Site      string `json:"site"`
	// Snippet is plain text; Highlights are the matched terms in it as
	// half-open byte offsets [start, end).
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"`
	// SnippetHTML is Snippet HTML-escaped with matches in <mark>.
	SnippetHTML string  `json:"snippet_html"`
	Rank        float64 `json:"rank"`
}

// Largest page sizes.
const (
	maxLimit       = 1000
	maxSearchLimit = 100
)

func (s *Server) routes() []route {
	return []route{
		{
			path:    "/api/documents",
			summary: "List stored documents",
			description: "Documents in the order they were stored, oldest first, with the size of each layer. " +
				"Paging reads the store from the start, so deep offsets are slower.",
			params: []param{limitParam(sqlite.DefaultLimit, maxLimit), offsetParam},
			result: page[DocumentSummary]{},
			handle: s.listDocuments,
		},
		{
			path:        "/api/documents/{id}",
			summary:     "Get one document",
			description: "The stored document in the faultline document format (faultline.document/v1): text and every layer of spans, half-open UTF-8 byte offsets into the text.",
			params: []param{{name: "id", in: "path", typ: "string", required: true, example: "0000",
				description: "The document id."}},
			result: faultline.Document{},
			handle: s.getDocument,
		},
		{
			path:        "/api/events",
			summary:     "Query events",
			description: "Events newest first with their provenance (document, sentence, trigger offsets). Negated and hypothetical events are left out unless asked for.",
			params:      append(copyParams(eventParams), limitParam(sqlite.DefaultLimit, maxLimit), offsetParam),
			result:      page[sqlite.EventRow]{},
			handle:      s.events,
		},
		{
			path:        "/api/events/counts",
			summary:     "Count events per day and PLOVER type",
			description: "The number of events the filters select per day and PLOVER type (empty for events without one), by day then type, for a timeline.",
			params:      copyParams(eventParams),
			result:      list[sqlite.DayCount]{},
			handle:      s.eventCounts,
		},
		{
			path:    "/api/events/clusters",
			summary: "Count located events on a map grid",
			description: "Every located event the filters select, counted per cell of a grid of `cell` degrees, most populous cells first: " +
				"the mean position, the count per QuadClass (quad[0] without one, quad[1] verbal cooperation … quad[4] material conflict) " +
				"and the extent of the cell's events, which given back as `bbox` selects exactly them. For a map of any number of events.",
			params: append(copyParams(eventParams), param{name: "cell", in: "query", typ: "number", example: "2",
				description: fmt.Sprintf("Grid cell size in degrees, %g to %g (default 1).", sqlite.MinClusterCell, sqlite.MaxClusterCell)}),
			result: clusters{},
			handle: s.eventClusters,
		},
		{
			path:    "/api/actors/links",
			summary: "Count events between pairs of actors",
			description: "The network of actors: the events the filters select counted per source and target actor, most frequent pairs first, " +
				"with the count per QuadClass (as in /api/events/clusters). Actors are told apart by CAMEO code when it has letters only (RUSGOV), else by their text.",
			params: append(copyParams(eventParams), param{name: "limit", in: "query", typ: "integer", example: "200",
				description: fmt.Sprintf("Most pairs returned, 1 to %d (default 300).", sqlite.MaxActorLinks)}),
			result: links{},
			handle: s.actorLinks,
		},
		{
			path:        "/api/actors",
			summary:     "List actors",
			description: "Entities across all documents grouped by name and actor code, most documented first.",
			params: []param{
				{name: "name", in: "query", typ: "string", example: "Russia", description: "Name substring, case-insensitive."},
				{name: "type", in: "query", typ: "string", example: "GPE", description: "Entity type (PERSON, ORG, GPE, ...)."},
				{name: "actor", in: "query", typ: "string", example: "RUS", description: "CAMEO actor code prefix."},
				{name: "country", in: "query", typ: "string", example: "RUS", description: "The actor's country code as the actor layer gives it."},
				limitParam(sqlite.DefaultLimit, maxLimit), offsetParam,
			},
			result: page[sqlite.ActorRow]{},
			handle: s.actors,
		},
		{
			path:        "/api/quotes",
			summary:     "Query quotes",
			description: "Quotes newest first with their speaker and offsets in the document.",
			params: []param{
				{name: "speaker", in: "query", typ: "string", example: "Zelensky", description: "Speaker name substring, case-insensitive."},
				{name: "actor", in: "query", typ: "string", example: "UKR",
					description: "Speaker: a name substring (case-insensitive) or a CAMEO actor code prefix of the speaker entity (UKR, RUSGOV)."},
				{name: "code", in: "query", typ: "string", example: "19", description: "Quotes of documents reporting an event of this CAMEO code prefix."},
				{name: "plover", in: "query", typ: "string", example: "ASSAULT", description: "Quotes of documents reporting an event of this PLOVER type."},
				{name: "place", in: "query", typ: "string", example: "UA",
					description: "Quotes of documents naming this place (exact name, case-insensitive) or a place in this ISO 3166-1 alpha-2 country."},
				bboxParam,
				{name: "near", in: "query", typ: "string", example: "50.45,30.52,100", description: "Quotes of documents naming a place within a radius: lat,lon,km."},
				{name: "text", in: "query", typ: "string", example: "respond", description: "Full-text query over the quote's text (FTS5 syntax; plain words when it does not parse)."},
				fromParam, toParam,
				{name: "direct", in: "query", typ: "boolean", example: "true", description: "Only direct quotes; default false."},
				limitParam(sqlite.DefaultLimit, maxLimit), offsetParam,
			},
			result: page[sqlite.QuoteRow]{},
			handle: s.quotes,
		},
		{
			path:        "/api/places",
			summary:     "Query places",
			description: "Resolved places, one row per document and place, newest documents first.",
			params: []param{
				{name: "name", in: "query", typ: "string", example: "Kyiv", description: "Place name, exact but case-insensitive."},
				{name: "country", in: "query", typ: "string", example: "UA", description: "ISO 3166-1 alpha-2 country code."},
				bboxParam,
				limitParam(sqlite.DefaultLimit, maxLimit), offsetParam,
			},
			result: page[sqlite.PlaceRow]{},
			handle: s.places,
		},
		{
			path:        "/api/search",
			summary:     "Search documents",
			description: "Full-text search over titles and texts, best first, with a snippet around the matches.",
			params: []param{
				{name: "q", in: "query", typ: "string", required: true, example: "ceasefire",
					description: "Query: words, \"a phrase\", AND, OR, NOT, prefix*, title:word (SQLite FTS5 syntax; plain words when it does not parse)."},
				limitParam(sqlite.DefaultSearchLimit, maxSearchLimit), offsetParam,
			},
			result: page[SearchHit]{},
			handle: s.search,
		},
		{
			path:        "/api/openapi.json",
			summary:     "This description",
			description: "The OpenAPI 3.0 description of the API.",
			result:      map[string]any{},
			handle: func(context.Context, *nethttp.Request, *args) (any, error) {
				return s.openAPI(), nil
			},
		},
	}
}

// copyParams copies ps, so that appending to it leaves the shared list alone.
func copyParams(ps []param) []param { return append([]param(nil), ps...) }

// endpoint wraps rt.handle: method and parameter checks, the query
// timeout, JSON out.
func (s *Server) endpoint(rt route) nethttp.Handler {
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		if r.Method != nethttp.MethodGet && r.Method != nethttp.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.writeErrorStatus(w, r, nethttp.StatusMethodNotAllowed,
				faultline.Errorf(faultline.EINVALID, "method %s not allowed on %s; the API is read-only, use GET", r.Method, r.URL.Path))
			return
		}
		a := newArgs(r.URL.Query(), rt.params)
		if a.err != nil {
			s.writeError(w, r, a.err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.QueryTimeout)
		defer cancel()
		select {
		case s.slots <- struct{}{}:
		case <-ctx.Done():
			s.writeError(w, r, faultline.Errorf(faultline.EUNAVAILABLE, "%s: the server is busy and the request timed out waiting (%v); retry later", r.URL.Path, ctx.Err()))
			return
		}
		v, err := func() (any, error) {
			defer func() { <-s.slots }() // also when handle panics
			return rt.handle(ctx, r, a)
		}()
		if err == nil {
			err = a.err
		}
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		s.writeJSON(w, r, nethttp.StatusOK, v)
	})
}

func (s *Server) getDocument(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	id := r.PathValue("id")
	doc, err := s.store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	doc.Normalize()
	return doc, nil
}

func (s *Server) listDocuments(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	limit := a.integer("limit", sqlite.DefaultLimit, 1, maxLimit)
	offset := a.integer("offset", 0, 0, 1<<31-1)
	if a.err != nil {
		return nil, a.err
	}
	total, err := s.store.Count(ctx)
	if err != nil {
		return nil, err
	}
	p := page[DocumentSummary]{Total: &total, Limit: limit, Offset: offset, Items: []DocumentSummary{}}
	if offset < total {
		err = s.store.DocumentsPage(ctx, false, limit, offset, func(d *faultline.Document) error {
			p.Items = append(p.Items, DocumentSummary{
				ID: d.ID, Title: d.Title, Published: d.Published, URL: d.Source.URL, Site: d.Source.Site,
				Language: d.Language, DuplicateOf: d.DuplicateOf,
				Counts: Counts{Sentences: len(d.Sentences), Entities: len(d.Entities), Quotes: len(d.Quotes),
					Times: len(d.Times), Quantities: len(d.Quantities), Places: len(d.Places), Events: len(d.Events)},
			})
			return ctx.Err()
		})
		if err != nil {
			return nil, err
		}
	}
	if next := offset + len(p.Items); next < total {
		p.Next = nextURL(r.URL, next)
	}
	return p, nil
}

func (s *Server) events(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	f := a.eventFilter()
	f.Limit = a.integer("limit", sqlite.DefaultLimit, 1, maxLimit)
	f.Offset = a.integer("offset", 0, 0, 1<<31-1)
	if a.err != nil {
		return nil, a.err
	}
	items, err := s.store.Events(ctx, f)
	if err != nil {
		return nil, err
	}
	var total int
	if f.Offset == 0 && len(items) < f.Limit {
		total = len(items) // the whole result is on this page
	} else if total, err = s.store.CountEvents(ctx, f); err != nil {
		return nil, err
	}
	p := page[sqlite.EventRow]{Total: &total, Limit: f.Limit, Offset: f.Offset, Items: items}
	if p.Items == nil {
		p.Items = []sqlite.EventRow{}
	}
	if next := f.Offset + len(items); len(items) > 0 && next < total {
		p.Next = nextURL(r.URL, next)
	}
	return p, nil
}

func (s *Server) eventCounts(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	f := a.eventFilter()
	if a.err != nil {
		return nil, a.err
	}
	items, err := s.store.EventCounts(ctx, f)
	if items == nil {
		items = []sqlite.DayCount{}
	}
	return list[sqlite.DayCount]{Items: items}, err
}

// clusters is the result of /api/events/clusters.
type clusters struct {
	Cell float64 `json:"cell"`
	// Total is the number of located events the cells hold.
	Total int                   `json:"total"`
	Items []sqlite.EventCluster `json:"items"`
	// Truncated says that only the most populous cells are listed.
	Truncated bool `json:"truncated"`
}

func (s *Server) eventClusters(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	f := a.eventFilter()
	cell := a.number("cell", 1, sqlite.MinClusterCell, sqlite.MaxClusterCell)
	if a.err != nil {
		return nil, a.err
	}
	items, truncated, err := s.store.EventClusters(ctx, f, cell)
	if err != nil {
		return nil, err
	}
	c := clusters{Cell: cell, Items: items, Truncated: truncated}
	if c.Items == nil {
		c.Items = []sqlite.EventCluster{}
	}
	for _, it := range items {
		c.Total += it.N
	}
	return c, nil
}

// links is the result of /api/actors/links.
type links struct {
	// Total is the number of events the pairs hold.
	Total int                `json:"total"`
	Items []sqlite.ActorLink `json:"items"`
	// Truncated says that only the most frequent pairs are listed.
	Truncated bool `json:"truncated"`
}

func (s *Server) actorLinks(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	f := a.eventFilter()
	limit := a.integer("limit", 300, 1, sqlite.MaxActorLinks)
	if a.err != nil {
		return nil, a.err
	}
	items, truncated, err := s.store.ActorLinks(ctx, f, limit)
	if err != nil {
		return nil, err
	}
	l := links{Items: items, Truncated: truncated}
	if l.Items == nil {
		l.Items = []sqlite.ActorLink{}
	}
	for _, it := range items {
		l.Total += it.N
	}
	return l, nil
}

// pageOf makes a page of rows fetched with limit+1: the extra row only
// says that there is a next page.
func pageOf[T any](r *nethttp.Request, rows []T, limit, offset int) page[T] {
	p := page[T]{Limit: limit, Offset: offset, Items: rows}
	if len(rows) > limit {
		p.Items = rows[:limit]
		p.Next = nextURL(r.URL, offset+limit)
	}
	if p.Items == nil {
		p.Items = []T{}
	}
	return p
}

func (s *Server) actors(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	f := sqlite.EntityFilter{Name: a.str("name"), Type: a.str("type"), Actor: a.str("actor"), Country: a.str("country")}
	limit := a.integer("limit", sqlite.DefaultLimit, 1, maxLimit)
	f.Offset = a.integer("offset", 0, 0, 1<<31-1)
	if a.err != nil {
		return nil, a.err
	}
	f.Limit = limit + 1
	rows, err := s.store.Actors(ctx, f)
	if err != nil {
		return nil, err
	}
	return pageOf(r, rows, limit, f.Offset), nil
}

func (s *Server) quotes(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	f := sqlite.QuoteFilter{Speaker: a.str("speaker"), Actor: a.str("actor"), Code: a.str("code"), PloverType: a.str("plover"),
		Place: a.str("place"), BBox: a.bbox("bbox"), Near: a.near("near"),
		Text: a.str("text"), From: a.day("from"), To: a.day("to"), DirectOnly: a.boolean("direct")}
	limit := a.integer("limit", sqlite.DefaultLimit, 1, maxLimit)
	f.Offset = a.integer("offset", 0, 0, 1<<31-1)
	if a.err != nil {
		return nil, a.err
	}
	f.Limit = limit + 1
	rows, err := s.store.Quotes(ctx, f)
	if err != nil {
		return nil, err
	}
	return pageOf(r, rows, limit, f.Offset), nil
}

func (s *Server) places(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	f := sqlite.PlaceFilter{Name: a.str("name"), Country: a.str("country"), BBox: a.bbox("bbox")}
	limit := a.integer("limit", sqlite.DefaultLimit, 1, maxLimit)
	f.Offset = a.integer("offset", 0, 0, 1<<31-1)
	if a.err != nil {
		return nil, a.err
	}
	f.Limit = limit + 1
	rows, err := s.store.Places(ctx, f)
	if err != nil {
		return nil, err
	}
	return pageOf(r, rows, limit, f.Offset), nil
}

// Snippet markers the store puts around matches; they are turned into
// highlight offsets and <mark> elements.
const markStart, markEnd = "\x02", "\x03"

func (s *Server) search(ctx context.Context, r *nethttp.Request, a *args) (any, error) {
	q := a.str("q")
	limit := a.integer("limit", sqlite.DefaultSearchLimit, 1, maxSearchLimit)
	offset := a.integer("offset", 0, 0, 10_000)
	if a.err == nil && q == "" {
		a.fail("q", "missing; give one or more words to look for, for example q=ceasefire")
	}
	if a.err != nil {
		return nil, a.err
	}
	hits, err := s.store.Search(ctx, q, offset+limit+1, sqlite.Highlight(markStart, markEnd))
	if err != nil {
		return nil, err
	}
	rows := make([]SearchHit, 0, len(hits))
	for _, h := range hits[min(offset, len(hits)):] {
		sh := SearchHit{ID: h.ID, Title: h.Title, Published: h.Published, URL: h.URL, Path: h.Path, Site: h.Site, Rank: h.Rank}
		sh.Snippet, sh.Highlights, sh.SnippetHTML = splitSnippet(h.Snippet)
		rows = append(rows, sh)
	}
	return pageOf(r, rows, limit, offset), nil
}

// splitSnippet takes the markers out of a snippet: the plain text, the
// marked spans in it, and an HTML form with <mark> elements.
func splitSnippet(marked string) (text string, spans [][2]int, htmlText string) {
	var plain, h strings.Builder
	spans = [][2]int{}
	open := -1
	for i := 0; i < len(marked); i++ {
		switch c := marked[i]; {
		case c == markStart[0] && open < 0:
			open = plain.Len()
			h.WriteString("<mark>")
		case c == markEnd[0] && open >= 0:
			spans = append(spans, [2]int{open, plain.Len()})
			open = -1
			h.WriteString("</mark>")
		case c == markStart[0] || c == markEnd[0]:
			// a stray marker: drop it
		default:
			j := i + 1
			for j < len(marked) && marked[j] != markStart[0] && marked[j] != markEnd[0] {
				j++
			}
			plain.WriteString(marked[i:j])
			h.WriteString(html.EscapeString(marked[i:j]))
			i = j - 1
		}
	}
	if open >= 0 {
		spans = append(spans, [2]int{open, plain.Len()})
		h.WriteString("</mark>")
	}
	return plain.String(), spans, h.String()
}
