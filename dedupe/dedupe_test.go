package dedupe

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

const story = `Several thousand farmers have driven their tractors into the capital to protest a cut in grain subsidies and demand talks with the agriculture minister. Families from the northern provinces joined the drivers who carried flags. They drove from the central station to a rally outside the ministry. Police put the number of tractors at 2,000 while the farmers union said it was 5,000. The protest comes a week before parliament votes on the new budget in the spring session.`

const other = `The port authority closed two container terminals on Sunday after a crane collapsed during a storm that brought winds of more than 120 kilometers an hour, injuring four dock workers and delaying about 30 ships, officials said on Monday.`

// TestFingerprintStable pins fingerprints: a change here invalidates every
// stored fingerprint, so it needs a migration that recomputes them.
func TestFingerprintStable(t *testing.T) {
	tests := []struct {
		text string
		want uint64
	}{
		{story, goldenStory},
		{"Troops withdrew.", goldenShort},
	}
	for _, tt := range tests {
		if got := Fingerprint(tt.text); got != tt.want {
			t.Errorf("Fingerprint(%.30q) = %#x, want %#x", tt.text, got, tt.want)
		}
	}
}

const (
	goldenStory uint64 = 0xf60d28cc2e137c95
	goldenShort uint64 = 0x027c210a602998ec
)

func TestSimilar(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", story, story, true},
		{"case and punctuation", story, strings.ToLower(strings.ReplaceAll(story, ".", " ")), true},
		{"boilerplate added", story, story + "\nFollow us on Twitter. Copyright 2024.", true},
		{"words changed", story, strings.Replace(story, "Police put the number", "Officers estimated the number", 1), true},
		// One of five sentences is a fifth of the text: no longer "near".
		{"a fifth dropped", story, strings.Replace(story, "They drove from the central station to a rally outside the ministry. ", "", 1), false},
		{"different stories", story, other, false},
		{"short identical", "Troops withdrew.", "troops  WITHDREW", true},
		{"short differing", "Troops withdrew from the city.", "Troops withdrew from the town.", false},
		{"short vs long", "Several thousand farmers have driven their tractors into the capital.", story, false},
		{"empty", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Similar(tt.a, tt.b)
			if ok != tt.want {
				t.Errorf("Similar = (%d, %v), want %v", d, ok, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	got := strings.Join(Words("Hello, World! It's 6,500 hogs—naïve café."), "|")
	want := "hello|world|it|s|6|500|hogs|naïve|café"
	if got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestIndexNear(t *testing.T) {
	tests := []struct {
		name     string
		k        int
		add      []uint64
		query    uint64
		wantID   string
		wantDist int
		wantOK   bool
	}{
		{"empty", 3, nil, 1, "", 0, false},
		{"exact", 3, []uint64{0xdead}, 0xdead, "d0", 0, true},
		{"within k", 3, []uint64{0}, 0b111, "d0", 3, true},
		{"beyond k", 3, []uint64{0}, 0b1111, "", 0, false},
		{"spread bits", 3, []uint64{0}, 1 | 1<<20 | 1<<63, "d0", 3, true},
		{"earliest wins over nearest", 3, []uint64{0b11, 0b1}, 0b1, "d0", 1, true},
		{"k=10 across all bands", 10, []uint64{0}, 0x8040201008040201 | 1<<5 | 1<<12, "d0", 10, true},
		{"k=0", 0, []uint64{5}, 4, "", 0, false},
		{"default", -1, []uint64{0}, 0x3ff, "d0", 10, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewIndex(tt.k)
			for i, fp := range tt.add {
				x.Add(fmt.Sprintf("d%d", i), fp)
			}
			id, d, ok := x.Near(tt.query)
			if id != tt.wantID || d != tt.wantDist || ok != tt.wantOK {
				t.Errorf("Near(%#x) = (%q, %d, %v), want (%q, %d, %v)", tt.query, id, d, ok, tt.wantID, tt.wantDist, tt.wantOK)
			}
		})
	}
}

func TestIndexZeroValue(t *testing.T) {
	var x Index
	if _, _, ok := x.Near(0); ok {
		t.Fatal("empty index found something")
	}
	x.Add("a", 0)
	if id, _, ok := x.Near(0x3ff); !ok || id != "a" {
		t.Errorf("zero Index: Near = %q, %v", id, ok)
	}
	if x.MaxDistance() != DefaultMaxDistance || x.Len() != 1 {
		t.Errorf("MaxDistance %d Len %d", x.MaxDistance(), x.Len())
	}
}

// TestIndexMatchesBruteForce checks the band lookup against a linear scan.
func TestIndexMatchesBruteForce(t *testing.T) {
	var state uint64 = 42
	next := func() uint64 { state += 0x9e3779b97f4a7c15; return mix(state) }
	for _, k := range []int{0, 3, 10} {
		x := NewIndex(k)
		var fps []uint64
		for i := 0; i < 2000; i++ {
			fp := next()
			if i > 0 && i%3 == 0 { // a near-copy of an earlier entry
				fp = fps[int(next()%uint64(len(fps)))]
				for f := next() % uint64(k+3); f > 0; f-- {
					fp ^= 1 << (next() % 64)
				}
			}
			if i%2 == 1 {
				wantID, wantOK := "", false
				for j, g := range fps {
					if Distance(g, fp) <= k {
						wantID, wantOK = fmt.Sprint(j), true
						break
					}
				}
				id, _, ok := x.Near(fp)
				if id != wantID || ok != wantOK {
					t.Fatalf("k=%d query %d: Near = (%q, %v), brute force (%q, %v)", k, i, id, ok, wantID, wantOK)
				}
			}
			x.Add(fmt.Sprint(len(fps)), fp)
			fps = append(fps, fp)
		}
	}
}

func TestIndexConcurrent(t *testing.T) {
	x := NewIndex(-1)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				fp := mix(uint64(g*1000 + i))
				x.Near(fp)
				x.Add(fmt.Sprint(g, i), fp)
			}
		}(g)
	}
	wg.Wait()
	if x.Len() != 2000 {
		t.Errorf("Len = %d", x.Len())
	}
}

func FuzzFingerprint(f *testing.F) {
	f.Add(story)
	f.Add("")
	f.Add("\xff\xfe invalid utf-8 \x00")
	f.Fuzz(func(t *testing.T, s string) {
		if Fingerprint(s) != Fingerprint(s) {
			t.Fatal("not deterministic")
		}
		if _, ok := Similar(s, s); !ok {
			t.Fatal("a text is not similar to itself")
		}
	})
}

func BenchmarkFingerprint(b *testing.B) {
	text := strings.Repeat(story+" ", 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Fingerprint(text)
	}
}

func BenchmarkIndexNear100k(b *testing.B) {
	x := NewIndex(-1)
	for i := uint64(0); i < 100_000; i++ {
		x.Add("d", mix(i))
	}
	var q uint64
	for b.Loop() {
		q++
		x.Near(mix(q + 1<<40))
	}
}
