package content_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

func wordsN(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }

// glossaryProblems are the problems of a glossary over the tiny article.
func glossaryProblems(t *testing.T, yaml string) string {
	t.Helper()
	_, err := content.Load(tinyPack(yaml))
	var probs content.Problems
	if err != nil && !errors.As(err, &probs) {
		t.Fatalf("want Problems, got %v", err)
	}
	return fmt.Sprint(err)
}

// A glossary entry's limits hold exactly: a definition of 25 to 90 words,
// an outside note of up to 60, up to 20 variants and 20 related terms.
func TestGlossaryEntryLimits(t *testing.T) {
	def := func(n int) string {
		return "entries:\n  - term: NGO\n    kind: concept\n    definition: " + wordsN(n) + "\n"
	}
	list := func(key string, n int) string {
		var items []string
		for i := range n {
			items = append(items, fmt.Sprintf("x%d", i))
		}
		return entry("NGO", "    "+key+": ["+strings.Join(items, ", ")+"]\n")
	}
	cases := []struct {
		name, yaml, problem string
		want                bool
	}{
		{"25 words", def(25), "definition has", false},
		{"24 words", def(24), "NGO: definition has 24 words; keep it between 25 and 90", true},
		{"90 words", def(90), "definition has", false},
		{"91 words", def(91), "NGO: definition has 91 words", true},
		{"outside 60", entry("NGO", "    outside: "+wordsN(60)+"\n"), "outside note", false},
		{"outside 61", entry("NGO", "    outside: "+wordsN(61)+"\n"), "NGO: outside note has 61 words; keep it to 60", true},
		{"20 variants", list("variants", 20), "give at most", false},
		{"21 variants", list("variants", 21), "NGO: give at most 20 variants and 20 related terms", true},
		{"20 related", list("related", 20), "give at most", false},
		{"21 related", list("related", 21), "NGO: give at most 20 variants", true},
	}
	for _, c := range cases {
		yaml := c.yaml
		if !strings.HasPrefix(yaml, "entries:") {
			yaml = "entries:\n" + yaml
		}
		got := glossaryProblems(t, yaml)
		if strings.Contains(got, c.problem) != c.want {
			t.Errorf("%s: want problem %q: %v; got:\n%s", c.name, c.problem, c.want, got)
		}
	}
}

// A term's forms are matched longest first; forms of one length keep the
// order they were given in.
func TestFormsLongestFirst(t *testing.T) {
	term := &content.Term{Term: "abc", Variants: []string{"de", "xyz", "fghij", "kl"}}
	if got, want := term.Forms(), []string{"fghij", "abc", "xyz", "de", "kl"}; !slices.Equal(got, want) {
		t.Fatalf("Forms() = %v; want %v", got, want)
	}
}

// A term's chapters are each chapter it occurs in, once, in order.
func TestTermChapters(t *testing.T) {
	ch := func(n int) *content.Chapter { return &content.Chapter{Number: n} }
	one, two, five := ch(1), ch(2), ch(5)
	var occ []*content.Paragraph
	for _, c := range []*content.Chapter{one, one, two, two, two, five} {
		occ = append(occ, &content.Paragraph{Chapter: c})
	}
	var got []int
	for _, c := range (&content.Term{Occurrences: occ}).Chapters() {
		got = append(got, c.Number)
	}
	if !slices.Equal(got, []int{1, 2, 5}) {
		t.Fatalf("Chapters() = %v; want [1 2 5]", got)
	}
}

const alphaArticle = `<!-- chapter: One -->

The alpha, the alphabet, the alpine meadow and the alps; a sentence that
ends in alpha
`

func alphaGlossary(t *testing.T) *content.Glossary {
	t.Helper()
	g := "entries:\n" + entry("alpha", "") + entry("alphabet", "") + entry("alpine", "") + entry("alps", "")
	p, err := content.Load(fstest.MapFS{
		"pack.yaml":     {Data: []byte("id: alpha\ntitle: Alpha\narticle: article.md\nglossary: glossary.yaml\n")},
		"article.md":    {Data: []byte(alphaArticle)},
		"glossary.yaml": {Data: []byte(g)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p.Glossary
}

// Suggestions: terms containing what was typed first, then terms a few
// letters away, nearest first, up to a third of its length (at least 2)
// and never more than three.
func TestSuggestions(t *testing.T) {
	g := alphaGlossary(t)
	for _, c := range []struct {
		typed string
		want  []string
	}{
		{"al", []string{"alpha", "alphabet", "alpine"}}, // four contain it: three shown
		{"alpina", []string{"alpine", "alpha"}},         // 1 and 2 letters away; alps is 3
		{"alphabets", []string{"alpha", "alphabet"}},    // they are in it
		{"xlpxa", []string{"alpha"}},                    // 2 away, the least always allowed
		{"xxpxa", nil},                                  // 3 away from a five-letter word
		{"alphxbxtx", []string{"alphabet"}},             // 3 away, a third of 9
		{"xlphxbxtx", nil},                              // 4 away from 9
		{"zzzz", nil},
	} {
		if got := g.Suggest(c.typed); !slices.Equal(got, c.want) {
			t.Errorf("Suggest(%q) = %v; want %v", c.typed, got, c.want)
		}
	}
}

// Looking a term up forgives case, spacing and punctuation, and finds
// nothing for what is not a term.
func TestLookupLoosely(t *testing.T) {
	g := alphaGlossary(t)
	for q, want := range map[string]string{"Alpine": "alpine", "al-pine!": "alpine", " ALPS ": "alps", "alpha bet": "alphabet"} {
		if term, ok := g.Lookup(q); !ok || term.Term != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", q, term, ok, want)
		}
	}
	for _, q := range []string{"alp", "beta", "alphas", "!!"} {
		if term, ok := g.Lookup(q); ok {
			t.Errorf("Lookup(%q) found %q", q, term.Term)
		}
	}
}

// Whole words: a term is found at the very start and the very end of a
// text, never inside a longer word.
func TestWholeWordsAtTheEdges(t *testing.T) {
	for _, c := range []struct {
		text, q string
		want    []int
	}{
		{"alpha", "alpha", []int{0}},
		{"xalpha alpha", "alpha", []int{7}},
		{"alpha alphax", "alpha", []int{0}},
		{"alpha, alpha", "alpha", []int{0, 7}},
		{"9alpha alpha9 alpha", "alpha", []int{14}},
	} {
		if got := content.IndexWholeWords([]rune(c.text), []rune(c.q)); !slices.Equal(got, c.want) {
			t.Errorf("IndexWholeWords(%q, %q) = %v; want %v", c.text, c.q, got, c.want)
		}
	}
}

// A term occurs where it stands as a whole word: a heading that is only the
// term, the start or the end of a paragraph; never inside a longer word.
func TestTermOccurrencesAreWholeWords(t *testing.T) {
	article := `<!-- chapter: One -->

# Omega

Alphabetical order and the alphabet.

A betaalpha and a gamma.

Beta starts this one and it ends with gamma
`
	g := "entries:\n" + entry("omega", "") + entry("alpha", "") + entry("beta", "") + entry("gamma", "")
	_, err := content.Load(fstest.MapFS{
		"pack.yaml":     {Data: []byte("id: w\ntitle: W\narticle: article.md\nglossary: glossary.yaml\n")},
		"article.md":    {Data: []byte(article)},
		"glossary.yaml": {Data: []byte(g)},
	})
	msg := fmt.Sprint(err)
	if !strings.Contains(msg, "alpha: neither the term nor a variant occurs") {
		t.Errorf("alpha, only inside longer words, should occur nowhere:\n%s", msg)
	}
	for _, term := range []string{"omega", "beta", "gamma"} {
		if strings.Contains(msg, term+": neither the term") {
			t.Errorf("%s occurs as a whole word but is not found:\n%s", term, msg)
		}
	}
	g = "entries:\n" + entry("omega", "") + entry("beta", "") + entry("gamma", "")
	p, err := content.Load(fstest.MapFS{
		"pack.yaml":     {Data: []byte("id: w\ntitle: W\narticle: article.md\nglossary: glossary.yaml\n")},
		"article.md":    {Data: []byte(article)},
		"glossary.yaml": {Data: []byte(g)},
	})
	if err != nil {
		t.Fatal(err)
	}
	for term, want := range map[string]string{"omega": "p1", "beta": "p4", "gamma": "p3 p4"} {
		found, _ := p.Glossary.Lookup(term)
		if got := strings.Join(ids(found.Occurrences), " "); got != want {
			t.Errorf("%s occurs in %s; want %s", term, got, want)
		}
	}
}
