package segtry
import ("testing";"fmt";"os";"bufio";"encoding/json";"strings";"github.com/faultline-news/faultline/segment")
func TestPool(t *testing.T){
  f, _ := os.Open("/work/shared/eval/news-text-pool/permissive_articles.jsonl")
  sc := bufio.NewScanner(f); sc.Buffer(nil, 1<<24)
  for sc.Scan() {
    var r struct{ Text string `json:"text"` }
    json.Unmarshal(sc.Bytes(), &r)
    s := r.Text
    toks := segment.Tokenize(s)
    sents := segment.Sentences(s, toks)
    for k, se := range sents {
      if k+1 >= len(sents) { continue }
      lastTok := toks[se.TokenEnd-1]
      w := s[lastTok.Start:lastTok.End]
      prev := ""
      if se.TokenEnd-2 >= se.TokenStart { p := toks[se.TokenEnd-2]; prev = s[p.Start:p.End] }
      nx := s[sents[k+1].Start:min(sents[k+1].End, sents[k+1].Start+25)]
      if strings.Contains(s[lastTok.End:sents[k+1].Start], "\n") { continue }
      suspicious := (len(w) > 1 && strings.HasSuffix(w, ".")) || (w == "." && len(prev) <= 4 && prev != "" && prev[0] >= 'A' && prev[0] <= 'Z') || (nx != "" && nx[0] >= 'a' && nx[0] <= 'z')
      if suspicious { fmt.Printf("%q || %q\n", s[max(se.Start, lastTok.End-40):lastTok.End], nx) }
    }
    // non-splits: "." tokens in the middle of a sentence
    for _, se := range sents {
      for ti := se.TokenStart; ti < se.TokenEnd-1; ti++ {
        w := s[toks[ti].Start:toks[ti].End]
        if w == "." || w == "?" || w == "!" || w == "..." || w == "…" {
          fmt.Printf("NOSPLIT %q\n", s[max(0,toks[ti].Start-40):min(len(s), toks[ti].End+30)])
        }
      }
    }
  }
}
