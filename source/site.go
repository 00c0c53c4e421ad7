package source

import (
	"html"
	"regexp"
	"strings"
)

var (
	headTag   = regexp.MustCompile(`(?is)<(link|meta)\b[^>]*>`)
	attribute = regexp.MustCompile(`(?is)([a-z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
)

// canonicalURL returns the absolute URL an HTML page states for itself in
// <link rel="canonical"> or, failing that, <meta property="og:url">,
// looking at the first 64 KB only. It returns "" when there is none.
func canonicalURL(page []byte) string {
	if len(page) > 64<<10 {
		page = page[:64<<10]
	}
	var ogURL string
	for _, tag := range headTag.FindAll(page, -1) {
		attrs := map[string]string{}
		for _, m := range attribute.FindAllSubmatch(tag, -1) {
			value := string(m[2]) + string(m[3]) + string(m[4])
			attrs[strings.ToLower(string(m[1]))] = strings.TrimSpace(html.UnescapeString(value))
		}
		switch {
		case strings.EqualFold(string(tag[1:5]), "link") && hasToken(attrs["rel"], "canonical") && isURL(attrs["href"]):
			return attrs["href"]
		case ogURL == "" && strings.EqualFold(attrs["property"], "og:url") && isURL(attrs["content"]):
			ogURL = attrs["content"]
		}
	}
	return ogURL
}

// hasToken reports whether a space-separated attribute value holds tok.
func hasToken(value, tok string) bool {
	for _, f := range strings.Fields(value) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
