package petrarch

import (
	"context"
	"testing"
)

func TestPrintReal(t *testing.T) {
	for _, dir := range []string{"../../../shared/eval/cameo", "../../../shared/eval/cameo/validation-dicts"} {
		d, err := Load(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: files %v skipped %v", dir, d.Files, d.Skipped)
		t.Logf("verbs blocks %d lemmas %d patterns %d synsets %d transf %d", len(d.Verbs.Blocks), d.Verbs.Lemmas(), d.Verbs.Patterns(), len(d.Verbs.Synsets), len(d.Verbs.Transformations))
		t.Logf("actors %d phrases %d dup %d; agents %d phrases %d; discards %d", len(d.Actors.Actors), d.Actors.Phrases(), d.Actors.Duplicates, len(d.Agents.Agents), d.Agents.Phrases(), len(d.Discards.Discards))
		w := d.Warnings()
		t.Logf("warnings %d", len(w))
		counts := map[string]int{}
		for _, x := range w {
			counts[x.File]++
		}
		t.Log(counts)
		for _, x := range w {
			if true {
				t.Log(x)
			}
		}
	}
}
