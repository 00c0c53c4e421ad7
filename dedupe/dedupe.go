// Package dedupe finds near-duplicate news articles: republished copies of a
// wire story with a few sentences edited, boilerplate lines added or removed,
// or a different headline.
//
// Fingerprint computes a 64-bit SimHash (Charikar 2002) over overlapping word
// shingles of the lowercased text. Two texts whose fingerprints differ in at
// most a few bits are near-duplicates. Index stores fingerprints and answers
// "which earlier document is within Hamming distance K of this one" using the
// pigeonhole band trick of Manku, Jain and Das Sarma (WWW 2007): when the 64
// bits are split into K+1 bands, two fingerprints within distance K agree on
// at least one whole band, so only documents sharing a band value need to be
// compared.
//
// Thresholds were tuned on shared/eval/news-text-pool (accuracy_test.go):
// 317 whole articles were each edited six ways (drop a sentence, alter a
// few words, add boilerplate lines, prepend a headline, lowercase and strip
// punctuation, and drop+boilerplate+headline together; 1,842 near-copies of
// articles of 42-1,355 words, median 200), and all 3,684,255 pairs among the
// 317 articles and 2,398 VOA pseudo-documents served as distinct texts.
//
//	shingle  K=3    K=6    K=8    K=10   K=12   (near-copy recall)
//	1        0.421  0.668  0.778  0.872  0.927  merges from K=8
//	2        0.331  0.615  0.765  0.879  0.933  merges from K=12 (3)
//	3        0.279  0.567  0.729  0.855  0.912  merges from K=11 (1)
//
// The defaults, ShingleSize 2 and DefaultMaxDistance 10, find 87.9% of the
// near-copies and merge none of the distinct pairs; the first false merge
// appears at K=12. Two unrelated fingerprints differ in 32±4 bits, so K=10
// is 5.5 standard deviations away: about 1e-8 of random pairs fall within it.
// K=3, the usual choice for long web pages, finds only a third of the edited
// copies of news-length articles, because one changed sentence in a 200-word
// article already moves about 5-7 bits.
//   - Texts shorter than MinWords words are too short for SimHash to tell an
//     edited copy from a different text on the same topic. Their fingerprint
//     is an ordinary 64-bit hash of the normalised words instead, so they
//     match only when identical after normalisation (the chance that two
//     different short texts land within DefaultMaxDistance bits is about
//     4e-14 per pair).
//
// Fingerprints are stable across runs, machines and Go versions: they use
// FNV-1a 64 with a fixed bit-mixing finaliser, and no random seed.
package dedupe

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
)

// ShingleSize is the number of consecutive words in a shingle.
const ShingleSize = 2

// MinWords is the number of words below which a text is "short": its
// fingerprint matches only identical (normalised) texts.
const MinWords = 30

// DefaultMaxDistance is the largest Hamming distance between two
// fingerprints that Index and Similar treat as a near-duplicate.
const DefaultMaxDistance = 10

// Fingerprint returns the near-duplicate signature of text. See the package
// documentation for how short texts are handled.
func Fingerprint(text string) uint64 {
	return fingerprint(Words(text), ShingleSize)
}

// Words splits text into lowercased word tokens: maximal runs of letters,
// digits and marks. Punctuation, case and whitespace differences therefore
// do not change a fingerprint.
func Words(text string) []string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
	})
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return words
}

// fingerprint is Fingerprint with the shingle size as a parameter, so that
// the accuracy test can compare sizes.
func fingerprint(words []string, shingle int) uint64 {
	if len(words) < MinWords {
		return exactHash(words)
	}
	if shingle > len(words) {
		shingle = len(words)
	}
	hashes := make([]uint64, 0, len(words)-shingle+1)
	for i := 0; i+shingle <= len(words); i++ {
		hashes = append(hashes, hashWords(words[i:i+shingle]))
	}
	// Each distinct shingle votes once: a boilerplate line repeated
	// several times weighs no more than once.
	slices.Sort(hashes)
	hashes = slices.Compact(hashes)
	var counts [64]int32
	for _, h := range hashes {
		for b := range 64 {
			counts[b] += int32(h>>b&1)*2 - 1
		}
	}
	var fp uint64
	for b := 0; b < 64; b++ {
		if counts[b] > 0 {
			fp |= 1 << b
		}
	}
	return fp
}

// exactHash hashes the whole normalised word sequence; used for short texts.
func exactHash(words []string) uint64 {
	return hashWords(words) ^ 0x5a5a_5a5a_5a5a_5a5a
}

// hashWords hashes a word sequence with FNV-1a 64 and then mixes the result
// with the splitmix64 finaliser, because FNV-1a's high bits depend weakly on
// the last bytes, and SimHash needs every bit to be an even coin.
func hashWords(words []string) uint64 {
	// FNV-1a 64 (offset basis and prime from the FNV specification,
	// as in hash/fnv), written out to avoid allocating.
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	for i, w := range words {
		if i > 0 {
			h ^= 0 // a zero byte separates words
			h *= prime64
		}
		for j := 0; j < len(w); j++ {
			h ^= uint64(w[j])
			h *= prime64
		}
	}
	return mix(h)
}

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Distance returns the Hamming distance between two fingerprints.
func Distance(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}

// Similar reports whether texts a and b are near-duplicates, with the
// Hamming distance between their fingerprints. Texts shorter than MinWords
// words are similar only when their normalised words are identical.
func Similar(a, b string) (dist int, ok bool) {
	wa, wb := Words(a), Words(b)
	if len(wa) < MinWords || len(wb) < MinWords {
		same := len(wa) == len(wb)
		for i := 0; same && i < len(wa); i++ {
			same = wa[i] == wb[i]
		}
		if same {
			return 0, true
		}
		return Distance(fingerprint(wa, ShingleSize), fingerprint(wb, ShingleSize)), false
	}
	d := Distance(fingerprint(wa, ShingleSize), fingerprint(wb, ShingleSize))
	return d, d <= DefaultMaxDistance
}
