package petrarch

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/faultline-news/faultline"
)

// Kind is the kind of a dictionary file.
type Kind uint8

const (
	UnknownKind Kind = iota
	VerbsKind
	ActorsKind
	AgentsKind
	DiscardsKind
)

func (k Kind) String() string {
	return [...]string{"unknown", "verbs", "actors", "agents", "discards"}[k]
}

// Dictionaries is everything read from a dictionary directory.
type Dictionaries struct {
	Verbs    *VerbDict
	Actors   *ActorDict
	Agents   *AgentDict
	Discards *DiscardList
	Files    map[string]Kind // base name → kind, for the files read
	Skipped  []string        // base names of files that were not dictionaries
}

// New returns empty dictionaries ready for Read calls.
func New() *Dictionaries {
	return &Dictionaries{Verbs: NewVerbDict(), Actors: NewActorDict(), Agents: NewAgentDict(),
		Discards: NewDiscardList(), Files: map[string]Kind{}}
}

// Warnings returns the warnings of all dictionaries, by file and line.
func (d *Dictionaries) Warnings() []Warning {
	var w []Warning
	w = append(w, d.Verbs.Warnings...)
	w = append(w, d.Actors.Warnings...)
	w = append(w, d.Agents.Warnings...)
	w = append(w, d.Discards.Warnings...)
	sort.SliceStable(w, func(i, j int) bool {
		if w[i].File != w[j].File {
			return w[i].File < w[j].File
		}
		return w[i].Line < w[j].Line
	})
	return w
}

// Read adds one file of the given kind.
func (d *Dictionaries) Read(r io.Reader, name string, kind Kind) error {
	switch kind {
	case VerbsKind:
		return d.Verbs.Read(r, name)
	case ActorsKind:
		return d.Actors.Read(r, name)
	case AgentsKind:
		return d.Agents.Read(r, name)
	case DiscardsKind:
		return d.Discards.Read(r, name)
	}
	return faultline.Errorf(faultline.EINVALID, "%s: unknown dictionary kind; name the file *.verbs.txt, *.actors.txt, *.agents.txt or *.discards.txt", name)
}

// Load reads every dictionary file of dir (not its subdirectories), in
// name order, telling kinds apart by file name (verbs, CAMEO.*, actors,
// agents, discards) and else by content. Issue, ontology, licence and
// CAMEO→PLOVER files are skipped. Bad lines become warnings; an error is
// returned only when dir cannot be read or holds no dictionary.
func Load(ctx context.Context, dir string) (*Dictionaries, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "reading dictionary directory %s: %w; pass a directory of PETRARCH dictionaries such as ../shared/eval/cameo", dir, err)
	}
	d := New()
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		if e.Type().IsRegular() || e.Type()&os.ModeSymlink != 0 {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, faultline.Errorf(faultline.EUNAVAILABLE, "loading dictionaries from %s: %w", dir, err)
		}
		path := filepath.Join(dir, name)
		kind := KindByName(name)
		if kind == UnknownKind && !skipByName(name) {
			kind = sniffKind(path)
		}
		if kind == UnknownKind {
			d.Skipped = append(d.Skipped, name)
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, faultline.Errorf(faultline.ENOTFOUND, "opening dictionary %s: %w", path, err)
		}
		err = d.Read(f, name, kind)
		f.Close()
		if err != nil {
			return nil, err
		}
		d.Files[name] = kind
	}
	if len(d.Files) == 0 {
		return nil, faultline.Errorf(faultline.EINVALID, "%s holds no PETRARCH dictionary (no *verbs*, CAMEO.*, *actors*, *agents* or *discards* file)", dir)
	}
	return d, nil
}

// KindByName guesses a dictionary's kind from its file name.
func KindByName(name string) Kind {
	n := strings.ToLower(name)
	switch {
	case skipByName(name):
		return UnknownKind
	case strings.Contains(n, "verb") || strings.HasPrefix(n, "cameo.") && strings.HasSuffix(n, ".txt"):
		return VerbsKind
	case strings.Contains(n, "actor"):
		return ActorsKind
	case strings.Contains(n, "agent"):
		return AgentsKind
	case strings.Contains(n, "discard"):
		return DiscardsKind
	}
	return UnknownKind
}

func skipByName(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{"license", "licence", "readme", "plover", "issue", "ontology"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return !strings.HasSuffix(n, ".txt") && !strings.HasSuffix(n, ".verbs") && !strings.HasSuffix(n, ".actors") && !strings.HasSuffix(n, ".agents")
}

// sniffKind looks at the first lines of a file: verb blocks start with
// "---", agents use "[~CODE]", actors have "[CODE]" and "+" synonyms.
func sniffKind(path string) Kind {
	f, err := os.Open(path)
	if err != nil {
		return UnknownKind
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, 256<<10))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var verbs, agents, actors int
	for sc.Scan() {
		b := bytes.TrimSpace(sc.Bytes())
		switch {
		case bytes.HasPrefix(b, []byte("---")) && bytes.HasSuffix(b, []byte("---")) && len(b) > 6:
			verbs++
		case bytes.Contains(b, []byte("[~")) || bytes.Contains(b, []byte("~]")):
			agents++
		case bytes.Contains(b, []byte("[")) && !bytes.HasPrefix(b, []byte("#")):
			actors++
		}
	}
	switch {
	case verbs > 0:
		return VerbsKind
	case agents > actors:
		return AgentsKind
	case actors > 0:
		return ActorsKind
	}
	return UnknownKind
}

// Stats counts what was read, for reports and the CLI.
type Stats struct {
	Files, VerbBlocks, Verbs, VerbLemmas, Patterns, Synsets, Transformations int
	Actors, ActorPhrases, Agents, AgentPhrases, Discards, Warnings           int
}

// Stats returns the entry counts of d.
func (d *Dictionaries) Stats() Stats {
	s := Stats{Files: len(d.Files), VerbBlocks: len(d.Verbs.Blocks), VerbLemmas: d.Verbs.Lemmas(),
		Patterns: d.Verbs.Patterns(), Synsets: len(d.Verbs.Synsets), Transformations: len(d.Verbs.Transformations),
		Actors: len(d.Actors.Actors), ActorPhrases: d.Actors.Phrases(), Agents: len(d.Agents.Agents),
		AgentPhrases: d.Agents.Phrases(), Discards: len(d.Discards.Discards), Warnings: len(d.Warnings())}
	for _, b := range d.Verbs.Blocks {
		s.Verbs += len(b.Verbs)
	}
	return s
}
