package export

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/faultline-news/faultline"
)

// ploverDoc is PLOVER.md, whose field table is the contract of the PLOVER
// export: ValidatePLOVER checks records against it.
//
//go:embed PLOVER.md
var ploverDoc string

var ploverRow = regexp.MustCompile("(?m)^\\| `([^`]+)` \\| ([^|]+) \\|")

// PLOVERFields returns the field table of PLOVER.md: each field path ("."
// between nested objects, "[]" for list elements) with its documented
// type: string, number, boolean, object, "object or null", "list of
// string" or "list of object".
func PLOVERFields() map[string]string {
	out := map[string]string{}
	for _, m := range ploverRow.FindAllStringSubmatch(ploverDoc, -1) {
		out[m[1]] = strings.TrimSpace(m[2])
	}
	return out
}

// ValidatePLOVER reads a PLOVER JSON Lines export and checks every record
// against PLOVERFields: each documented top-level field is present, and
// each field present is documented and has the documented JSON type. It
// returns the number of records, and an EINVALID error naming the first
// record and field that break the contract.
func ValidatePLOVER(r io.Reader) (int, error) {
	fields := PLOVERFields()
	var top []string
	for f := range fields {
		if !strings.ContainsAny(f, ".[") {
			top = append(top, f)
		}
	}
	slices.Sort(top)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	n := 0
	for sc.Scan() {
		n++
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return n, faultline.Errorf(faultline.EINVALID, "PLOVER record %d is not a JSON object: %v", n, err)
		}
		for _, f := range top {
			if _, ok := rec[f]; !ok {
				return n, faultline.Errorf(faultline.EINVALID, "PLOVER record %d lacks field %s", n, f)
			}
		}
		if err := checkPLOVER("", rec, fields); err != nil {
			return n, faultline.Errorf(faultline.EINVALID, "PLOVER record %d: %v", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return n, faultline.Errorf(faultline.EINVALID, "PLOVER record %d: %v", n+1, err)
	}
	return n, nil
}

// checkPLOVER checks the keys of object obj, found at path prefix.
func checkPLOVER(prefix string, obj map[string]any, fields map[string]string) error {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		typ, ok := fields[p]
		if !ok {
			return fmt.Errorf("field %s is not in PLOVER.md", p)
		}
		v := obj[k]
		if !jsonTypeIs(v, typ) {
			return fmt.Errorf("field %s is %s, PLOVER.md says %s", p, jsonTypeOf(v), typ)
		}
		switch x := v.(type) {
		case map[string]any:
			if err := checkPLOVER(p, x, fields); err != nil {
				return err
			}
		case []any:
			for _, el := range x {
				if o, isObj := el.(map[string]any); isObj {
					if err := checkPLOVER(p+"[]", o, fields); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func jsonTypeOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case map[string]any:
		return "object"
	case []any:
		return "list"
	}
	return fmt.Sprintf("%T", v)
}

// jsonTypeIs says whether decoded JSON value v has documented type typ.
func jsonTypeIs(v any, typ string) bool {
	if elem, isList := strings.CutPrefix(typ, "list of "); isList {
		l, ok := v.([]any)
		if !ok {
			return false
		}
		for _, x := range l {
			if !jsonTypeIs(x, elem) {
				return false
			}
		}
		return true
	}
	for alt := range strings.SplitSeq(typ, " or ") {
		if jsonTypeOf(v) == strings.TrimSpace(alt) {
			return true
		}
	}
	return false
}
