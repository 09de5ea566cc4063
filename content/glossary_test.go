package content_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

const tinyArticle = `<!-- chapter: One -->

# A Tiny Essay

Mass organizations differ from NGOs. An NGO-like culture is a risk.

<!-- chapter: Two -->

Institutional isomorphism pulls groups together; the 501(c)(4) form matters.
`

func tinyPack(glossary string) fstest.MapFS {
	return fstest.MapFS{
		"pack.yaml":     {Data: []byte("id: tiny\ntitle: A Tiny Essay\narticle: article.md\nglossary: glossary.yaml\n")},
		"article.md":    {Data: []byte(tinyArticle)},
		"glossary.yaml": {Data: []byte(glossary)},
	}
}

var words30 = strings.Repeat("word ", 30)

func entry(term, extra string) string {
	return "  - term: " + term + "\n    kind: concept\n    definition: " + words30 + "\n" + extra
}

func TestGlossaryLoadsAndLooksUp(t *testing.T) {
	g := "entries:\n" +
		entry("institutional isomorphism", "    variants: [isomorphism]\n    related: [NGO]\n    first: p3\n") +
		entry("NGO", "    variants: [NGOs]\n    related: [institutional isomorphism]\n") +
		entry("501(c)(4)", "")
	p, err := content.Load(tinyPack(g))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"institutional isomorphism", "Institutional Isomorphism", "isomorphism", "ngos", "501(c)(4)", "501c4", " Institutional-Isomorphism "} {
		if _, ok := p.Glossary.Lookup(q); !ok {
			t.Errorf("Lookup(%q) found nothing", q)
		}
	}
	ngo, _ := p.Glossary.Lookup("NGO")
	// whole words only: "NGO-like" counts (the hyphen ends the word), "NGOs" is a listed variant
	if len(ngo.Occurrences) != 1 || ngo.Occurrences[0].ID != "p2" {
		t.Errorf("NGO occurs in %v; want p2 only", ids(ngo.Occurrences))
	}
	iso, _ := p.Glossary.Lookup("isomorphism")
	if chs := iso.Chapters(); len(chs) != 1 || chs[0].Number != 2 {
		t.Errorf("isomorphism chapters = %v", chs)
	}
	if got := p.Glossary.Suggest("isomorfism"); len(got) == 0 || got[0] != "institutional isomorphism" {
		t.Errorf("Suggest(isomorfism) = %v", got)
	}
	if got := p.Glossary.Suggest("zzzzzzzzzz"); len(got) != 0 {
		t.Errorf("Suggest(zzzzzzzzzz) = %v; want nothing", got)
	}
}

func ids(ps []*content.Paragraph) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func TestGlossaryProblemsNameTheLine(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"syntax", "entries:\n  - term: [unclosed\n", "glossary.yaml:2:"},
		{"unknown key", "entries:\n" + entry("NGO", "    colour: red\n"), `glossary.yaml:5: unknown field "colour"`},
		{"duplicate", "entries:\n" + entry("NGO", "") + entry("ngo", ""), `glossary.yaml:5: "ngo" is already an entry or variant (line 2)`},
		{"missing related", "entries:\n" + entry("NGO", "    related: [charity]\n"), `glossary.yaml:2: NGO: related term "charity" is not an entry`},
		{"absent from article", "entries:\n" + entry("vanguard", ""), "glossary.yaml:2: vanguard: neither the term nor a variant occurs"},
		{"short definition", "entries:\n  - term: NGO\n    kind: concept\n    definition: too short\n", "glossary.yaml:2: NGO: definition has 2 words"},
		{"bad kind", "entries:\n  - term: NGO\n    kind: thing\n    definition: " + words30 + "\n", `NGO: kind "thing" is not one of`},
		{"top key", "terms:\n" + entry("NGO", ""), `glossary.yaml:1: unknown key "terms"`},
		{"bad first", "entries:\n" + entry("NGO", "    first: p99\n"), `NGO: first "p99" is not a paragraph`},
	}
	for _, c := range cases {
		_, err := content.Load(tinyPack(c.yaml))
		var probs content.Problems
		if !errors.As(err, &probs) {
			t.Errorf("%s: want Problems, got %v", c.name, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error\n%v\nlacks %q", c.name, err, c.want)
		}
	}
}

// Match finds terms as whole words in reading order, the longer of two
// overlapping terms winning, and only the terms asked for.
func TestGlossaryMatch(t *testing.T) {
	g := "entries:\n" +
		entry("mass organization", "    variants: [mass organizations]\n") +
		entry("organization", "    variants: [organizations]\n") +
		entry("NGO", "    variants: [NGOs]\n")
	p, err := content.Load(tinyPack(g))
	if err != nil {
		t.Fatal(err)
	}
	text := content.FoldText("Mass organizations differ from NGOs, and an organization from a NGOism.")
	var got []string
	for _, m := range p.Glossary.Match(text, nil) {
		got = append(got, m.Term.Term+"="+string(text[m.Start:m.End]))
	}
	want := "mass organization=mass organizations NGO=ngos organization=organization"
	if strings.Join(got, " ") != want {
		t.Fatalf("Match = %q, want %q", strings.Join(got, " "), want)
	}
	only := p.Glossary.Match(text, func(term *content.Term) bool { return term.Term == "NGO" })
	if len(only) != 1 || only[0].Term.Term != "NGO" {
		t.Fatalf("Match with a filter = %v", only)
	}
}
