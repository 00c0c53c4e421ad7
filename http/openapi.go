package http

import (
	"reflect"
	"strings"
)

// openAPI builds the OpenAPI 3.0 description from the route table: paths
// and parameters from the routes, response schemas from the Go types the
// handlers return (their JSON field names and types).
func (s *Server) openAPI() map[string]any {
	paths := map[string]any{}
	for _, rt := range s.routes() {
		var params []any
		for _, p := range rt.params {
			params = append(params, map[string]any{
				"name": p.name, "in": p.in, "required": p.required || p.in == "path",
				"description": p.description, "example": p.example,
				"schema": map[string]any{"type": p.typ},
			})
		}
		op := map[string]any{
			"operationId": operationID(rt.path),
			"summary":     rt.summary,
			"description": rt.description,
			"responses": map[string]any{
				"200": map[string]any{
					"description": "OK",
					"content":     map[string]any{"application/json": map[string]any{"schema": schemaOf(reflect.TypeOf(rt.result))}},
				},
				"default": map[string]any{
					"description": "An error: 400 for a bad parameter (the message names it and the expected form), 404 for an unknown id, 503 when the store is unavailable or the query timed out, 500 for a bug.",
					"content":     map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}},
				},
			},
		}
		if params != nil {
			op["parameters"] = params
		}
		paths[rt.path] = map[string]any{"get": op}
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":       "faultline API",
			"version":     "1",
			"description": "Read-only JSON API over a faultline store: documents, events, actors, quotes, places and search. Every span is a half-open UTF-8 byte offset range into the document text. Lists are paged with limit and offset; `next` is the URL of the following page.",
		},
		"paths": paths,
		"components": map[string]any{"schemas": map[string]any{
			"Error": schemaOf(reflect.TypeOf(errorBody{})),
		}},
	}
}

// operationID turns /api/events/counts into getEventsCounts.
func operationID(path string) string {
	var b strings.Builder
	b.WriteString("get")
	for part := range strings.SplitSeq(strings.TrimPrefix(path, "/api/"), "/") {
		part = strings.Trim(part, "{}")
		part = strings.TrimSuffix(part, ".json")
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// schemaOf is the OpenAPI schema of the JSON encoding of t.
func schemaOf(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		s := schemaOf(t.Elem())
		s["nullable"] = true
		return s
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		s := map[string]any{"type": "array", "items": schemaOf(t.Elem())}
		if t.Kind() == reflect.Array {
			s["minItems"], s["maxItems"] = t.Len(), t.Len()
		}
		return s
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": true}
	case reflect.Struct:
		props := map[string]any{}
		var required []string
		for f := range t.Fields() {
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			props[name] = schemaOf(f.Type)
			if !strings.Contains(opts, "omitempty") {
				required = append(required, name)
			}
		}
		s := map[string]any{"type": "object", "properties": props}
		if len(required) > 0 {
			s["required"] = required
		}
		return s
	}
	return map[string]any{}
}
