package content

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Term is one glossary entry: a term as the essay uses it, defined in the
// essay's sense.
type Term struct {
	Term     string   `yaml:"term"`
	Variants []string `yaml:"variants"`
	Kind     string   `yaml:"kind"`
	// Definition is in the essay's sense.
	Definition string `yaml:"definition"`
	// Outside is context the essay does not give, shown as such.
	Outside string   `yaml:"outside"`
	Related []string `yaml:"related"`
	// First is the paragraph where the term first matters.
	First string `yaml:"first"`

	Line int `yaml:"-"` // where the entry starts in the glossary file
	// Occurrences are the paragraphs where the term or a variant occurs.
	Occurrences []*Paragraph `yaml:"-" compiled:"-"`
}

// Forms is the term and its variants, longest first, as they are matched.
func (t *Term) Forms() []string {
	forms := append([]string{t.Term}, t.Variants...)
	sort.SliceStable(forms, func(i, j int) bool { return len([]rune(forms[i])) > len([]rune(forms[j])) })
	return forms
}

// Chapters are the chapters the term occurs in, in order.
func (t *Term) Chapters() []*Chapter {
	var out []*Chapter
	for _, p := range t.Occurrences {
		if len(out) == 0 || out[len(out)-1] != p.Chapter {
			out = append(out, p.Chapter)
		}
	}
	return out
}

// TermKinds are the kinds of glossary entry, in the order an index lists them.
var TermKinds = []string{"concept", "funding", "legal", "organizing", "organization", "person", "event", "campaign"}

// Glossary is a pack's glossary.
type Glossary struct {
	Terms []*Term
	byKey map[string]*Term // folded term and variants

	foldOnce sync.Once
	folded   [][][]rune // each term's forms folded, in the order of Forms
}

// Definition length limits, in words.
const (
	MinDefinitionWords = 25
	MaxDefinitionWords = 90
	MaxOutsideWords    = 60
)

func loadGlossary(fsys fs.FS, file string, p *Pack) (*Glossary, Problems) {
	doc, probs := loadYAML(fsys, file, MaxYAMLBytes)
	if doc == nil {
		return nil, probs
	}
	top, tprobs := doc.topLevel("entries")
	probs = append(probs, tprobs...)
	list, ok := top["entries"]
	if !ok {
		return nil, append(probs, Problem{File: file, Line: 1, Msg: `missing "entries": the list of terms`})
	}
	nodes, eprobs := doc.entries(list, "entries")
	probs = append(probs, eprobs...)
	nodes, eprobs = doc.limit(nodes, MaxGlossaryTerms, "entries")
	probs = append(probs, eprobs...)
	g := &Glossary{byKey: map[string]*Term{}}
	for _, n := range nodes {
		t := &Term{Line: nodeLine(n)}
		if dp := doc.decode(n, t); dp != nil {
			probs = append(probs, dp...)
			continue
		}
		probs = append(probs, g.add(t, n, file)...)
	}
	words := p.wordIndex()
	budget := &matchBudget{left: maxMatchWork}
	for _, t := range g.Terms {
		probs = append(probs, g.checkTerm(t, p, file, words, budget)...)
	}
	if budget.spent {
		probs = append(probs, Problem{File: file, Msg: "the terms are too costly to find in the article: " +
			"too many of them are made of words that occur in nearly every paragraph"})
	}
	return g, byLine(probs)
}

// add indexes a term, reporting a duplicate term or variant.
func (g *Glossary) add(t *Term, n any, file string) Problems {
	var probs Problems
	if strings.TrimSpace(t.Term) == "" {
		return Problems{{File: file, Line: t.Line, Msg: `entry without a "term"`}}
	}
	for _, f := range append([]string{t.Term}, t.Variants...) {
		k := string(FoldText(f))
		if other, dup := g.byKey[k]; dup {
			probs = append(probs, Problem{File: file, Line: t.Line,
				Msg: fmt.Sprintf("%q is already an entry or variant (line %d)", f, other.Line)})
			continue
		}
		g.byKey[k] = t
	}
	g.Terms = append(g.Terms, t)
	return probs
}

// checkTerm validates one entry against the glossary and the article, and
// records where the term occurs.
func (g *Glossary) checkTerm(t *Term, p *Pack, file string, words *wordIndex, budget *matchBudget) Problems {
	var probs Problems
	bad := func(msg string, args ...any) {
		probs = append(probs, Problem{File: file, Line: t.Line, Msg: fmt.Sprintf("%s: ", t.Term) + fmt.Sprintf(msg, args...)})
	}
	if len(t.Variants) > MaxVariants || len(t.Related) > MaxVariants {
		bad("give at most %d variants and %d related terms", MaxVariants, MaxVariants)
		return probs
	}
	if !contains(TermKinds, t.Kind) {
		bad("kind %q is not one of %v", t.Kind, TermKinds)
	}
	if n := len(strings.Fields(t.Definition)); n < MinDefinitionWords || n > MaxDefinitionWords {
		bad("definition has %d words; keep it between %d and %d", n, MinDefinitionWords, MaxDefinitionWords)
	}
	if n := len(strings.Fields(t.Outside)); n > MaxOutsideWords {
		bad("outside note has %d words; keep it to %d", n, MaxOutsideWords)
	}
	for _, r := range t.Related {
		if rt, ok := g.Lookup(r); !ok || rt.Term != r {
			bad("related term %q is not an entry", r)
		} else if rt == t {
			bad("is related to itself")
		}
	}
	if t.First != "" {
		if _, ok := p.Paragraph(t.First); !ok {
			bad("first %q is not a paragraph of the article", t.First)
		}
	}
	t.Occurrences = p.findForms(t.Forms(), words, budget)
	if len(t.Occurrences) == 0 && !budget.spent {
		bad("neither the term nor a variant occurs in the article")
	}
	return probs
}

// Lookup finds an entry by its term or a variant, ignoring case, quotes and
// dashes; failing that, ignoring every space and punctuation mark, so
// "501c4" finds "501(c)(4)" and "bye anita" finds "#ByeAnita".
func (g *Glossary) Lookup(s string) (*Term, bool) {
	if g == nil {
		return nil, false
	}
	if t, ok := g.byKey[string(FoldText(s))]; ok {
		return t, true
	}
	q := looseKey(s)
	if q == "" {
		return nil, false
	}
	for _, t := range g.Terms {
		for _, f := range append([]string{t.Term}, t.Variants...) {
			if looseKey(f) == q {
				return t, true
			}
		}
	}
	return nil, false
}

// looseKey is s lower-cased with only its letters and digits kept.
func looseKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Suggest lists up to three terms close to what was typed: ones that
// contain it, then ones a few letters away.
func (g *Glossary) Suggest(s string) []string {
	if g == nil {
		return nil
	}
	q := string(FoldText(s))
	type cand struct {
		term  string
		score int
	}
	var cs []cand
	for _, t := range g.Terms {
		best := 1 << 30
		for _, f := range append([]string{t.Term}, t.Variants...) {
			k := string(FoldText(f))
			switch {
			case q != "" && strings.Contains(k, q):
				best = min(best, 0)
			case q != "" && strings.Contains(q, k):
				best = min(best, 1)
			default:
				if d := editDistance(q, k); d <= max(2, len([]rune(q))/3) {
					best = min(best, 2+d)
				}
			}
		}
		if best < 1<<30 {
			cs = append(cs, cand{t.Term, best})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score < cs[j].score })
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].term)
	}
	return out
}

func editDistance(a, b string) int {
	ar, br := []rune(a), []rune(b)
	prev := make([]int, len(br)+1)
	cur := make([]int, len(br)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ar); i++ {
		cur[0] = i
		for j := 1; j <= len(br); j++ {
			cost := 1
			if ar[i-1] == br[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(br)]
}

// IndexWholeWords is IndexAll keeping only occurrences that are not part
// of a longer word.
func IndexWholeWords(s, q []rune) []int {
	var out []int
	for _, at := range IndexAll(s, q) {
		if !IsWordRune(s, at-1) && !IsWordRune(s, at+len(q)) {
			out = append(out, at)
		}
	}
	return out
}

// IsWordRune reports whether s[i] exists and is a letter or digit.
func IsWordRune(s []rune, i int) bool {
	return i >= 0 && i < len(s) && (unicode.IsLetter(s[i]) || unicode.IsDigit(s[i]))
}

// TermMatch is a glossary term found in a text, by rune range.
type TermMatch struct {
	Term       *Term
	Start, End int
}

// Match finds the glossary's terms in folded text (see FoldText) as whole
// words, in order. Where two overlap ("mass organization" inside "mass
// organizations") the longer wins. want, if not nil, limits the terms looked
// for.
func (g *Glossary) Match(folded []rune, want func(*Term) bool) []TermMatch {
	if g == nil {
		return nil
	}
	g.foldOnce.Do(func() {
		g.folded = make([][][]rune, len(g.Terms))
		for i, t := range g.Terms {
			for _, f := range t.Forms() {
				g.folded[i] = append(g.folded[i], FoldText(f))
			}
		}
	})
	var cs []TermMatch
	for i, t := range g.Terms {
		if want != nil && !want(t) {
			continue
		}
		for _, q := range g.folded[i] {
			for _, at := range IndexWholeWords(folded, q) {
				cs = append(cs, TermMatch{t, at, at + len(q)})
			}
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Start != cs[j].Start {
			return cs[i].Start < cs[j].Start
		}
		return cs[i].End > cs[j].End
	})
	var out []TermMatch
	end := -1
	for _, c := range cs {
		if c.Start >= end {
			out = append(out, c)
			end = c.End
		}
	}
	return out
}
