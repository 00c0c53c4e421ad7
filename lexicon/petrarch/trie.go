package petrarch

import "unicode/utf8"

// trie maps word sequences to values: one node per word, children keyed by
// the normalized word. Lookups over tokens do not allocate for ASCII input.
type trie[T any] struct {
	root  node[T]
	count int
}

type node[T any] struct {
	next  map[string]*node[T]
	val   T
	isEnd bool
}

// insert stores v under words; it returns the previous value and whether
// one existed.
func (t *trie[T]) insert(words []string, v T) (old T, existed bool) {
	n := &t.root
	for _, w := range words {
		if n.next == nil {
			n.next = make(map[string]*node[T], 1)
		}
		c := n.next[w]
		if c == nil {
			c = &node[T]{}
			n.next[w] = c
		}
		n = c
	}
	old, existed = n.val, n.isEnd
	n.val, n.isEnd = v, true
	if !existed {
		t.count++
	}
	return old, existed
}

// get returns the value stored under exactly words (already normalized).
func (t *trie[T]) get(words []string) (T, bool) {
	n := &t.root
	for _, w := range words {
		n = n.next[w]
		if n == nil {
			var zero T
			return zero, false
		}
	}
	return n.val, n.isEnd
}

// longest returns the value of the longest phrase starting at tokens[start]
// and its length in tokens. Tokens are normalized on the fly.
func (t *trie[T]) longest(tokens []string, start int) (v T, length int) {
	var buf [64]byte
	n := &t.root
	for i := start; i < len(tokens) && n.next != nil; i++ {
		c := n.child(tokens[i], &buf)
		if c == nil {
			break
		}
		n = c
		if n.isEnd {
			v, length = n.val, i-start+1
		}
	}
	return v, length
}

// longestWhere is longest restricted to values that accept the matched
// tokens (used for phrases that must match letter case exactly).
func (t *trie[T]) longestWhere(tokens []string, start int, accept func(v T, matched []string) bool) (v T, length int) {
	var buf [64]byte
	n := &t.root
	for i := start; i < len(tokens) && n.next != nil; i++ {
		c := n.child(tokens[i], &buf)
		if c == nil {
			break
		}
		n = c
		if n.isEnd && accept(n.val, tokens[start:i+1]) {
			v, length = n.val, i-start+1
		}
	}
	return v, length
}

// asciiLower writes the lowercase form of tok into buf when tok is short
// ASCII without characters that Normalize folds; ok is false otherwise.
// Indexing a map with string(buf[:n]) does not allocate.
func asciiLower(tok string, buf *[64]byte) (n int, ok bool) {
	if len(tok) > len(buf) {
		return 0, false
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= utf8.RuneSelf || c == '`' {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return len(tok), true
}

// child returns n's child for the token tok (normalized on the fly).
func (n *node[T]) child(tok string, buf *[64]byte) *node[T] {
	if k, ok := asciiLower(tok, buf); ok {
		return n.next[string(buf[:k])]
	}
	return n.next[Normalize(tok)]
}
