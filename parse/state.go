package parse

// Transitions of the arc-eager system with the root at the end of the
// buffer (Ballesteros & Nivre 2013): word n (the sentence length) is ROOT,
// never shifted; a word left-arced onto ROOT is a root of the sentence.
const (
	actShift  = 0
	actReduce = 1
	// LEFT(l) = 2 + l, RIGHT(l) = 2 + L + l for L labels.
)

const none = -1

// state is a parser configuration.
type state struct {
	n       int   // number of words; ROOT is n
	stack   []int // stack[len-1] is S0
	b       int   // first buffer word; the buffer is b..n
	heads   []int // head of each word, none if unattached
	labels  []int
	l1, l2  []int // leftmost and second-leftmost dependent
	r1, r2  []int // rightmost and second-rightmost dependent
	nl, nr  []int // number of left and right dependents
	lset    [][2]uint64
	rset    [][2]uint64
	inStack []bool
}

func newState(n int) *state {
	s := &state{n: n, b: 0}
	s.stack = make([]int, 0, n)
	mk := func() []int {
		x := make([]int, n+1)
		for i := range x {
			x[i] = none
		}
		return x
	}
	s.heads, s.labels, s.l1, s.l2, s.r1, s.r2 = mk(), mk(), mk(), mk(), mk(), mk()
	s.nl, s.nr = make([]int, n+1), make([]int, n+1)
	s.lset, s.rset = make([][2]uint64, n+1), make([][2]uint64, n+1)
	s.inStack = make([]bool, n+1)
	return s
}

func (s *state) done() bool { return s.b == s.n && len(s.stack) == 0 }

func (s *state) s0() int {
	if len(s.stack) == 0 {
		return none
	}
	return s.stack[len(s.stack)-1]
}

func (s *state) s1() int {
	if len(s.stack) < 2 {
		return none
	}
	return s.stack[len(s.stack)-2]
}

func (s *state) canShift() bool  { return s.b < s.n }
func (s *state) canReduce() bool { return len(s.stack) > 0 && s.heads[s.s0()] != none }
func (s *state) canLeft() bool   { return len(s.stack) > 0 && s.heads[s.s0()] == none }
func (s *state) canRight() bool  { return len(s.stack) > 0 && s.b < s.n }

func (s *state) addArc(h, d, l int) {
	s.heads[d] = h
	s.labels[d] = l
	bit := [2]uint64{}
	bit[(l/64)&1] = 1 << (l % 64)
	if d < h {
		s.l2[h] = s.l1[h]
		s.l1[h] = d
		s.nl[h]++
		s.lset[h][0] |= bit[0]
		s.lset[h][1] |= bit[1]
	} else {
		s.r2[h] = s.r1[h]
		s.r1[h] = d
		s.nr[h]++
		s.rset[h][0] |= bit[0]
		s.rset[h][1] |= bit[1]
	}
}

func (s *state) push(i int) {
	s.stack = append(s.stack, i)
	s.inStack[i] = true
}

func (s *state) pop() {
	i := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.inStack[i] = false
}

// apply performs action a (assumed valid) with L labels.
func (s *state) apply(a, L int) {
	switch {
	case a == actShift:
		s.push(s.b)
		s.b++
	case a == actReduce:
		s.pop()
	case a < 2+L:
		s.addArc(s.b, s.s0(), a-2)
		s.pop()
	default:
		s.addArc(s.s0(), s.b, a-2-L)
		s.push(s.b)
		s.b++
	}
}

// costs fills cost[a] for every valid action (−1 for invalid ones) given
// the gold heads (ROOT = n) and labels: the number of gold arcs that
// become unreachable (Goldberg & Nivre 2012, arc-eager, with a label error
// counted as one more lost arc).
func (s *state) costs(gh, gl []int, L int, cost []int) {
	for i := range cost {
		cost[i] = -1
	}
	s0, b := s.s0(), s.b
	if s.canShift() {
		c := 0
		for _, k := range s.stack {
			if s.heads[k] == none && gh[k] == b {
				c++
			}
			if gh[b] == k {
				c++
			}
		}
		cost[actShift] = c
	}
	if s.canReduce() {
		c := 0
		for k := b; k < s.n; k++ {
			if gh[k] == s0 {
				c++
			}
		}
		cost[actReduce] = c
	}
	if s.canLeft() {
		c := 0
		if gh[s0] != b && gh[s0] > b {
			c++
		}
		for k := b; k < s.n; k++ {
			if gh[k] == s0 {
				c++
			}
		}
		for l := 0; l < L; l++ {
			cost[2+l] = c
			if gh[s0] == b && b < s.n && l != gl[s0] {
				cost[2+l] = c + 1
			}
		}
	}
	if s.canRight() {
		c := 0
		if gh[b] != s0 && (gh[b] > b || gh[b] >= 0 && gh[b] < s.n && s.inStack[gh[b]]) {
			c++
		}
		for _, k := range s.stack {
			if s.heads[k] == none && gh[k] == b {
				c++
			}
		}
		for l := 0; l < L; l++ {
			cost[2+L+l] = c
			if gh[b] == s0 && l != gl[b] {
				cost[2+L+l] = c + 1
			}
		}
	}
}
