package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// cleaned is the outcome of clean: the kept paragraphs, the removed pieces
// in input order, and the date read from a dateline or byline, if any.
type cleaned struct {
	paragraphs []string
	removed    []faultline.Removed
	date       time.Time
}

// headLimit is how many leading paragraphs may hold a byline or dateline.
const headLimit = 5

// clean removes boilerplate that survives main-text extraction (or was never
// filtered, for scraped plain text) from a list of paragraphs. Every removed
// paragraph is listed with its kind; nothing disappears silently.
func clean(paras []string) cleaned {
	var c cleaned
	seen := make(map[string]int, len(paras)) // paragraph key → index in kept
	kept := make([]string, 0, len(paras))
	inList := false // inside a related-posts list after its heading

	for i := 0; i < len(paras); i++ {
		p := paras[i]
		if isTailMarker(p) || (i >= len(paras)/2 && i > 0 && isCommentsHeading(p)) {
			// "Popular posts from this blog" and what follows it are
			// another page's teasers, never the article.
			for _, rest := range paras[i:] {
				c.remove(faultline.RemovedBoilerplate, rest)
			}
			break
		}
		if isListHeading(p) {
			c.remove(faultline.RemovedBoilerplate, p)
			inList = true
			continue
		}
		if inList {
			if looksLikeTeaser(p) {
				c.remove(faultline.RemovedBoilerplate, p)
				continue
			}
			inList = false
		}
		if kind := boilerplateKind(p); kind != "" {
			c.remove(kind, p)
			continue
		}
		key := normalizeForID(p)
		if at, ok := seen[key]; ok && isRepetition(p, len(kept)-at) {
			c.remove(faultline.RemovedDuplicateParagraph, p)
			continue
		}
		seen[key] = len(kept)
		if len(kept) < headLimit {
			if isByline(p) {
				c.remove(faultline.RemovedByline, p)
				c.noteDate(firstFullDate(p))
				continue
			}
			if d, ok := datelineOnly(p); ok {
				c.remove(faultline.RemovedDateline, p)
				c.noteDate(d)
				continue
			}
		}
		if isCredits(p) {
			c.remove(faultline.RemovedByline, p)
			continue
		}
		kept = append(kept, p)
	}

	// A dateline prefix ("WASHINGTON —") opens the first prose paragraph.
	for i, p := range kept {
		if i >= 2 {
			break
		}
		if prefix, rest, ok := splitDatelinePrefix(p); ok {
			c.remove(faultline.RemovedDateline, prefix)
			c.noteDate(firstFullDate(prefix))
			kept[i] = rest
			break
		}
	}
	c.paragraphs = kept
	return c
}

func (c *cleaned) remove(kind, text string) {
	c.removed = append(c.removed, faultline.Removed{Kind: kind, Text: text})
}

// noteDate keeps the first date found in a byline or dateline.
func (c *cleaned) noteDate(d time.Time) {
	if c.date.IsZero() && !d.IsZero() {
		c.date = d
	}
}

// nearRepeat is how close (in kept paragraphs) a repetition must follow
// its first occurrence to be taken for a printing artefact.
const nearRepeat = 3

// isRepetition says whether p, seen `distance` kept paragraphs earlier, is
// an artefact to remove: a caption printed twice in a row. Structured
// pages legitimately repeat lines far apart (recipe steps, interview
// questions, table headers), and very short repeated lines ("* * *") are
// kept wherever they are.
func isRepetition(p string, distance int) bool {
	if utf8.RuneCountInString(p) < 20 && len(strings.Fields(p)) < 4 {
		return false
	}
	return distance <= nearRepeat
}

// lowerKey lowercases p and trims spaces and trailing colons/ellipses, for
// comparing short boilerplate lines.
func lowerKey(p string) string {
	k := strings.ToLower(strings.TrimSpace(p))
	return strings.TrimRight(k, " :.!…»›>|-–—")
}

var tailMarkers = map[string]bool{
	"popular posts from this blog": true,
	"popular posts":                true,
	"more posts from this blog":    true,
}

func isTailMarker(p string) bool {
	return tailMarkers[lowerKey(p)]
}

// commentsHeadingRe matches the heading of a reader-comments section:
// "12 Comments", "Leave a Reply", "Kommentare (3)", "Schreibe einen Kommentar".
var commentsHeadingRe = regexp.MustCompile(`(?i)^(?:(?:\d+|no|keine|aucun)\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|komentarze?|reacties)(?:\s*\(\d+\))?\s*:?$` +
	`|^(?:leave a (?:reply|comment)|add a comment|write a comment|post a comment|join the discussion|discussion|schreibe einen kommentar|kommentar schreiben|kommentare schreiben|laisser un commentaire|deja un comentario|dodaj komentarz)\b.{0,40}$`)

// isCommentsHeading says whether p opens the reader comments, which are
// not the article (only checked in the second half of a page).
func isCommentsHeading(p string) bool {
	return utf8.RuneCountInString(p) <= 60 && commentsHeadingRe.MatchString(p)
}

var listHeadings = map[string]bool{
	"related posts": true, "related articles": true, "related stories": true,
	"related content": true, "related news": true, "related coverage": true,
	"related": true, "you may also like": true, "you might also like": true,
	"you may be interested in": true, "recommended": true,
	"recommended for you": true, "recommended stories": true,
	"more stories": true, "more from this section": true, "more news": true,
	"read more": true, "read next": true, "also read": true, "see also": true,
	"most read": true, "most popular": true, "trending now": true,
	"trending": true, "top stories": true, "latest news": true,
	"more on this story": true, "further reading": true,
	// German, French, Spanish, Italian, Portuguese, Polish, Dutch.
	"weitere artikel": true, "weitere themen": true, "mehr zum thema": true,
	"lesen sie auch": true, "das könnte sie auch interessieren": true,
	"das könnte sie interessieren": true, "zum weiterlesen": true,
	"ähnliche artikel": true, "verwandte artikel": true, "meistgelesen": true,
	"meistgelesene artikel": true, "beliebte artikel": true,
	"videos zum thema": true, "weitere beiträge": true, "mehr artikel": true,
	"auch interessant": true, "neueste kommentare": true, "meist-diskutiert": true,
	"à lire aussi": true, "a lire aussi": true, "lire aussi": true,
	"sur le même sujet": true, "articles similaires": true, "les plus lus": true,
	"lee también": true, "te puede interesar": true,
	"también te puede interesar": true, "noticias relacionadas": true,
	"artículos relacionados": true, "lo más leído": true,
	"leggi anche": true, "articoli correlati": true, "potrebbe interessarti": true,
	"leia também": true, "veja também": true, "notícias relacionadas": true,
	"czytaj też": true, "czytaj także": true, "zobacz też": true,
	"zobacz także": true, "najczęściej czytane": true,
	"lees ook": true, "gerelateerde artikelen": true,
	"empfohlene beiträge": true, "empfohlene artikel": true,
}

func isListHeading(p string) bool {
	return listHeadings[lowerKey(p)]
}

// looksLikeTeaser says whether a line after a related-posts heading is a
// linked headline: short and not a sentence.
func looksLikeTeaser(p string) bool {
	if utf8.RuneCountInString(p) > 120 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(p))
	switch last {
	case '.', '!', ',', ';', ':':
		return false
	}
	return true
}

var (
	// Share prompts, ad labels and similar one-line chrome.
	shareRe = regexp.MustCompile(`(?i)^(?:` +
		`share(?: this| the| on)?(?: article| story| post| page)?(?: on (?:facebook|twitter|x|whatsapp|linkedin|email|reddit|pinterest|telegram))?` +
		`|click to (?:share|email|print|tweet)\b.*` +
		`|share via .*|share on .*|tweet(?: this)?|pin it|email this|print(?: this)?(?: article| page)?` +
		`|like this|like loading(?:\.\.\.|…)?|loading(?:\.\.\.|…)?` +
		`|subscribe(?: now| today| here)?|subscribe to .{0,60}|sign up (?:for|to) .{0,60}newsletter.{0,40}` +
		`|follow us(?:\b.{0,80})?|join us on .{0,40}` +
		`|(?:skip )?advertisement|ad|sponsored(?: content)?|continue reading(?: below)?|story continues below(?: advertisement)?` +
		`|(?:you must )?(?:be )?log(?:ged)? ?in to (?:post a )?comment|leave a (?:comment|reply)|post a comment|view comments|show comments|teilen mit|keine kommentare|sie sind aktuell nicht eingeloggt|bild anzeigen|wird geladen|zum newsletter anmelden|newsletter abonnieren|artikel teilen|teilen|drucken|weiterlesen|mehr lesen|anzeige|werbung|partager|publicité|compartir|publicidad|leer más|condividi|udostępnij|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|messenger|copy link|copy url|comments?` +
		`|\(adsbygoogle = window\.adsbygoogle \|\| \[\]\)\.push\(\{\}\);?` +
		`)[\s:.!]*$`)
	// "Read more: Another headline", "RELATED: ..." teaser lines.
	teaserRe = regexp.MustCompile(`(?i)^(?:read more|read also|also read|related|see also|more|watch|listen|recommended|also on [\w ]+` +
		`|lesen sie auch|mehr zum thema|(?:à )?lire aussi|lee también|leer más|leggi anche|leia também|veja também|czytaj (?:też|także)|zobacz (?:też|także))\s*[:>»|–—-]\s*\S`)
	// Copyright lines.
	copyrightRe = regexp.MustCompile(`(?i)^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved)`)
	// Photo credit and caption labels.
	captionRe = regexp.MustCompile(`(?i)^(?:image copyright|image caption|media caption|photo credit|picture credit|(?:photo|photograph|picture|image|file photo)\s*:|\(?(?:photo|image)s? (?:by|courtesy|credit)\b)`)
)

var (
	// Site navigation that survives extraction: skip links, menu labels.
	navigationRe = regexp.MustCompile(`(?i)^(?:skip to (?:main )?content|skip navigation|jump to navigation|menu|main menu|search|back to top|home|startseite|zur startseite|accueil|inicio|zum inhalt springen|navigation)[\s.!]*$`)
	// Breadcrumbs: "Home › World › Europe", "Startseite / Politik / EU".
	// Slashes and bars also separate credits and specs, so they count
	// only after a home link.
	breadcrumbRe     = regexp.MustCompile(`^[^.!?›»>]{1,40}(?:\s[›»>]\s[^.!?›»>]{1,80}){2,}$`)
	homeBreadcrumbRe = regexp.MustCompile(`(?i)^(?:home|startseite|accueil|inicio|start)\s[/|]\s[^.!?]{1,80}$`)
)

// boilerplateKind returns the removal kind of a one-paragraph piece of page
// chrome, or "" when p may be article text.
func boilerplateKind(p string) string {
	n := utf8.RuneCountInString(p)
	switch {
	case n <= 40 && navigationRe.MatchString(p):
		return faultline.RemovedNavigation
	case n <= 160 && !strings.Contains(p, "«") && (breadcrumbRe.MatchString(p) || homeBreadcrumbRe.MatchString(p)):
		return faultline.RemovedNavigation
	case n <= 90 && shareRe.MatchString(p):
		return faultline.RemovedBoilerplate
	case n <= 200 && teaserRe.MatchString(p):
		return faultline.RemovedBoilerplate
	case n <= 160 && copyrightRe.MatchString(p):
		return faultline.RemovedBoilerplate
	case n <= 300 && captionRe.MatchString(p):
		return faultline.RemovedCaption
	}
	return ""
}

var (
	// "By John Smith", "By Jane Doe and Ali Hassan, Reuters", "BY J. SMITH | March 2, 2017".
	bylineRe = regexp.MustCompile(`^(?:[Bb]y|BY|[Ww]ritten by|[Ss]tory by|[Rr]eported by|[Pp]osted by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|van|von|der|bin|ibn|al-\p{L}+|el-\p{L}+),?)*\s*(?:[,|•·/—–-]\s*.*)?$`)
	// Agency credits at the foot of a wire story.
	creditsRe = regexp.MustCompile(`^\(?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Aa]dditional reporting|[Cc]ompiled|[Cc]ontributing) by\s+\p{Lu}`)
)

func isByline(p string) bool {
	if utf8.RuneCountInString(p) > 120 || len(strings.Fields(p)) > 16 {
		return false
	}
	// "By Monday, the troops had withdrawn." is a sentence, not a byline.
	if last, _ := utf8.DecodeLastRuneInString(p); last == '.' || last == '!' || last == '?' {
		if firstFullDate(p).IsZero() {
			return false
		}
	}
	return bylineRe.MatchString(p)
}

func isCredits(p string) bool {
	return utf8.RuneCountInString(p) <= 300 && creditsRe.MatchString(p)
}

// datelinePrefixRe matches the dateline that opens a wire story:
// "WASHINGTON —", "MOSUL, Iraq —", "BEIRUT, March 23 (Reuters) -",
// "UNITED NATIONS (AP) —". The place starts with an all-capitals word.
var datelinePrefixRe = regexp.MustCompile(`^(\p{Lu}[\p{Lu}.'’-]{2,}(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*){0,2}(?:,\s*(?:` + monthPattern + `)\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^()]{2,40}\))?)\s*(?:—|–|--?)\s+(\S)`)

// splitDatelinePrefix splits "WASHINGTON — The U.S. ..." into the dateline
// "WASHINGTON —" and the rest of the paragraph.
func splitDatelinePrefix(p string) (prefix, rest string, ok bool) {
	m := datelinePrefixRe.FindStringSubmatchIndex(p)
	if m == nil {
		return "", "", false
	}
	restStart := m[4]
	prefix = strings.TrimSpace(p[:restStart])
	rest = p[restStart:]
	// The story proper starts a sentence: "NATO — the alliance said" is
	// prose, "WASHINGTON — The" a dateline.
	first, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“‘'«„(", first) {
		return "", "", false
	}
	return prefix, rest, true
}
