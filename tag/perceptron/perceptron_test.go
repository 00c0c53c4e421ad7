package perceptron

import (
	"bytes"
	"testing"
)

func trained() *Model {
	t := NewTrainer(3)
	feats := [][]uint64{{Hash("a"), Hash("b")}, {Hash("b"), Hash("c")}, {Hash("c")}}
	gold := []int{0, 1, 2}
	s := make([]float64, 3)
	for ep := 0; ep < 5; ep++ {
		for i, f := range feats {
			t.Scores(f, s)
			p := 0
			for c := range s {
				if s[c] > s[p] {
					p = c
				}
			}
			t.Update(f, gold[i], p)
			t.Tick()
		}
	}
	return t.Average(0)
}

func TestTrainPredictRoundTrip(t *testing.T) {
	m := trained()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, rest, err := Decode(append(buf.Bytes(), 'x'))
	if err != nil {
		t.Fatal(err)
	}
	if string(rest) != "x" {
		t.Errorf("rest = %q", rest)
	}
	tests := []struct {
		feats []uint64
		want  int
	}{
		{[]uint64{Hash("a"), Hash("b")}, 0},
		{[]uint64{Hash("b"), Hash("c")}, 1},
		{[]uint64{Hash("c")}, 2},
	}
	s := make([]int32, 3)
	for _, mm := range []*Model{m, m2} {
		for _, tt := range tests {
			mm.Scores(tt.feats, s)
			best := 0
			for c := range s {
				if s[c] > s[best] {
					best = c
				}
			}
			if best != tt.want {
				t.Errorf("scores %v, want class %d best", s, tt.want)
			}
		}
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	trained().WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _, err := Decode(data)
		if err != nil {
			return
		}
		s := make([]int32, m.NClasses)
		m.Scores([]uint64{Hash("a"), 1, 2}, s)
	})
}
