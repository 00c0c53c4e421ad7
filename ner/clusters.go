package ner

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// Word clusters: words that occur between the same neighbours get the same
// cluster id, a cheap stand-in for Brown clusters or embeddings. Each word
// of the vocabulary is a vector of its left and right neighbour counts
// (over the most frequent words), square-rooted and L2-normalized; spherical
// k-means groups them. Two granularities are kept, fine and coarse.

const (
	clusterVocab    = 40000 // most frequent lower-cased words clustered
	clusterMinCount = 3
	clusterContexts = 800 // neighbour words used as dimensions (each side)
	clusterFine     = 256
	clusterCoarse   = 32
	clusterIters    = 8
)

type sparseVec struct {
	idx []int32
	val []float32
}

// buildClusters returns lower-cased word → cluster ids (fine<<8 | coarse),
// deterministic for a seed.
func buildClusters(ctx context.Context, sents [][]string, seed uint64) (map[string]uint16, error) {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[strings.ToLower(w)]++
		}
	}
	words := make([]string, 0, len(freq))
	for w, c := range freq {
		if c >= clusterMinCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if freq[words[i]] != freq[words[j]] {
			return freq[words[i]] > freq[words[j]]
		}
		return words[i] < words[j]
	})
	if len(words) > clusterVocab {
		words = words[:clusterVocab]
	}
	if len(words) < clusterFine {
		return map[string]uint16{}, nil
	}
	row := make(map[string]int, len(words))
	for i, w := range words {
		row[w] = i
	}
	nctx := min(clusterContexts, len(words))
	counts := make([]map[int32]float32, len(words))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	ctxOf := func(s []string, j int) (int32, bool) {
		if j < 0 {
			return int32(nctx), true // sentence start
		}
		if j >= len(s) {
			return int32(nctx), true
		}
		r, ok := row[strings.ToLower(s[j])]
		if !ok || r >= nctx {
			return 0, false
		}
		return int32(r), true
	}
	dim := int32(nctx + 1)
	for n, s := range sents {
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: clustering stopped: %w", ctx.Err())
		}
		for j, w := range s {
			r, ok := row[strings.ToLower(w)]
			if !ok {
				continue
			}
			if c, ok := ctxOf(s, j-1); ok {
				counts[r][c]++
			}
			if c, ok := ctxOf(s, j+1); ok {
				counts[r][dim+c]++
			}
		}
	}
	vecs := make([]sparseVec, len(words))
	for i, m := range counts {
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		v := sparseVec{idx: keys, val: make([]float32, len(keys))}
		var norm float64
		for j, k := range keys {
			x := math.Sqrt(float64(m[k]))
			v.val[j] = float32(x)
			norm += x * x
		}
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for j := range v.val {
				v.val[j] *= inv
			}
		}
		vecs[i] = v
	}
	counts = nil
	fine, err := kmeans(ctx, vecs, int(2*dim), clusterFine, seed)
	if err != nil {
		return nil, err
	}
	coarse, err := kmeans(ctx, vecs, int(2*dim), clusterCoarse, seed+1)
	if err != nil {
		return nil, err
	}
	out := make(map[string]uint16, len(words))
	for i, w := range words {
		out[w] = uint16(fine[i])<<8 | uint16(coarse[i])
	}
	return out, nil
}

// kmeans is spherical k-means over unit sparse vectors; returns assignments.
func kmeans(ctx context.Context, vecs []sparseVec, dim, k int, seed uint64) ([]int, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	cent := make([]float32, k*dim)
	perm := rng.Perm(len(vecs))
	for c := 0; c < k; c++ {
		v := vecs[perm[c]]
		for j, x := range v.idx {
			cent[c*dim+int(x)] = v.val[j]
		}
	}
	assign := make([]int, len(vecs))
	for iter := 0; iter < clusterIters; iter++ {
		if ctx.Err() != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: clustering stopped: %w", ctx.Err())
		}
		for i, v := range vecs {
			best, arg := float32(-1), 0
			for c := 0; c < k; c++ {
				cr := cent[c*dim : (c+1)*dim]
				var s float32
				for j, x := range v.idx {
					s += cr[x] * v.val[j]
				}
				if s > best {
					best, arg = s, c
				}
			}
			assign[i] = arg
		}
		clear(cent)
		for i, v := range vecs {
			cr := cent[assign[i]*dim : (assign[i]+1)*dim]
			for j, x := range v.idx {
				cr[x] += v.val[j]
			}
		}
		for c := 0; c < k; c++ {
			cr := cent[c*dim : (c+1)*dim]
			var n float64
			for _, x := range cr {
				n += float64(x) * float64(x)
			}
			if n == 0 {
				// empty cluster: restart it on a random word
				v := vecs[rng.IntN(len(vecs))]
				for j, x := range v.idx {
					cr[x] = v.val[j]
				}
				continue
			}
			inv := float32(1 / math.Sqrt(n))
			for j := range cr {
				cr[j] *= inv
			}
		}
	}
	return assign, nil
}

// readUnlabeled reads text for clustering: jsonl lines with a "text" field,
// or plain text lines, split into rough tokens.
func readUnlabeled(ctx context.Context, path string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "ner: unlabeled text %s: %w", path, err)
	}
	var out [][]string
	for n, line := range strings.Split(string(data), "\n") {
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: reading %s: %w", path, ctx.Err())
		}
		text := line
		if strings.HasPrefix(strings.TrimSpace(line), "{") {
			var rec struct {
				Text string `json:"text"`
			}
			if json.Unmarshal([]byte(line), &rec) != nil {
				continue
			}
			text = rec.Text
		}
		for _, para := range strings.Split(text, "\n") {
			if toks := roughTokens(para); len(toks) > 0 {
				out = append(out, toks)
			}
		}
	}
	return out, nil
}

// roughTokens splits text at spaces and peels punctuation off word edges;
// good enough for neighbour counts.
func roughTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		var post []string
		for len(f) > 0 {
			r, size := utf8.DecodeRuneInString(f)
			if !unicode.IsPunct(r) || len(f) == size {
				break
			}
			out = append(out, f[:size])
			f = f[size:]
		}
		for len(f) > 1 {
			r, size := utf8.DecodeLastRuneInString(f)
			if !unicode.IsPunct(r) || (r == '.' && strings.Count(f, ".") > 1) {
				break
			}
			post = append(post, f[len(f)-size:])
			f = f[:len(f)-size]
		}
		if k := strings.LastIndex(f, "'s"); k > 0 && k == len(f)-2 {
			out = append(out, f[:k])
			f = f[k:]
		}
		out = append(out, f)
		for i := len(post) - 1; i >= 0; i-- {
			out = append(out, post[i])
		}
	}
	return out
}
