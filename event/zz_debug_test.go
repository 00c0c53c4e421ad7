package event_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/coref"
	modelner "github.com/faultline-news/faultline/model/ner"
	"github.com/faultline-news/faultline/ner"
	"github.com/faultline-news/faultline/timex"
)

func TestZZDebugSample(t *testing.T) {
	if os.Getenv("EVDEBUG") == "" {
		t.Skip()
	}
	ev := sharedEval(t)
	b, _ := os.ReadFile(filepath.Join(filepath.Dir(ev), "samples", "000_e9c81a236e9288db.txt"))
	stages := append([]faultline.Stage(nil), pre(t)...)
	nm, _ := modelner.Load()
	stages = append(stages, ner.NewStage(nm), actor.New(), coref.New(), timex.New())
	doc := &faultline.Document{ID: "sample", Text: string(b), Reference: time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC)}
	for _, s := range stages {
		s.Process(context.Background(), doc)
	}
	for _, e := range doc.Entities {
		code := ""
		if e.Actor != nil {
			code = e.Actor.Code
		}
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text)
		}
		fmt.Printf("%s %s %q %s %v\n", e.ID, e.Type, e.Name, code, ms)
	}
	for si, s := range doc.Sentences {
		txt := doc.Text[s.Start:s.End]
		if !strings.Contains(txt, os.Getenv("EVDEBUG")) {
			continue
		}
		fmt.Println(si, txt)
		for i := s.TokenStart; i < s.TokenEnd; i++ {
			tk := doc.Tokens[i]
			fmt.Printf(" %d:%s/%s/%s>%d", i, doc.Text[tk.Start:tk.End], tk.POS, tk.Dep, tk.Head)
		}
		fmt.Println()
	}
	for _, tm := range doc.Times {
		fmt.Println("TIME", tm.Text, tm.Value)
	}
}
