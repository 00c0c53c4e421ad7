package actor_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/actor/actortest"
)

func TestSampleDump(t *testing.T) {
	shared := actortest.SharedDir()
	if shared == "" {
		t.Skip("../shared not found")
	}
	b, err := os.ReadFile(filepath.Join(shared, "samples", "000_e9c81a236e9288db.txt"))
	if err != nil {
		t.Skip(err)
	}
	doc := actortest.Run(t, string(b), time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC), actor.New())
	for _, e := range doc.Entities {
		code := ""
		if e.Actor != nil {
			code = e.Actor.Code
		}
		fmt.Println(e.ID, e.Type, e.Name, len(e.Mentions), e.Aliases, e.Titles, e.Affiliations, code)
	}
}
