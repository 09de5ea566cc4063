package tui

import (
	"strings"
	"testing"
	"testing/fstest"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// Every paragraph is found on the line where it starts, at any width and in
// both styles: saved positions and search jumps depend on it.
func TestParagraphsAreLocatedAtEveryWidth(t *testing.T) {
	layoutOnly(t)
	pack := testPack(t)
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark, false)
		cfg := renderStyle{glamour: st.Glamour, term: st.Term, glossary: pack.Glossary}
		for _, width := range []int{12, 20, 33, 40, 57, 80} {
			for ci, ch := range pack.Chapters {
				r, err := renderChapter(ch, renderKey{chapter: ci, width: width}, cfg)
				if err != nil {
					t.Fatal(err)
				}
				paras := ch.Paragraphs()
				for i, line := range r.paraLine {
					if i > 0 && line <= r.paraLine[i-1] {
						t.Fatalf("width %d chapter %d: paragraph %s at line %d, not after the previous one (%d)",
							width, ch.Number, paras[i].ID, line, r.paraLine[i-1])
					}
					if !startsWith(words(r.plain[line]), openingWords(paras[i])) {
						t.Fatalf("width %d chapter %d: %s located at %q", width, ch.Number, paras[i].ID, r.plain[line])
					}
				}
				for i, l := range r.lines {
					if w := ansi.StringWidth(l); w > width {
						t.Fatalf("width %d chapter %d line %d is %d wide", width, ch.Number, i, w)
					}
				}
			}
		}
	}
}

func TestFlatTextFindsPhrasesAcrossLines(t *testing.T) {
	plain := []string{
		"  ▎“My belief, as a program   ",
		"  ▎officer now for 9 years”   ",
		"",
		"  heavily-regulated fund-     ",
		"  raising operations—with     ",
		"  staff.                      ",
	}
	ft := newFlatText(plain)
	cases := []struct {
		phrase string
		want   []span
	}{
		{"program officer", []span{{0, 20, 27}, {1, 3, 10}}},
		{"\"my belief", []span{{0, 3, 13}}},
		{"fund-raising", []span{{3, 20, 25}, {4, 2, 9}}},
		{"operations-with staff", []span{{4, 10, 25}, {5, 2, 7}}},
		{"years\" heavily", nil}, // a blank line ends a phrase
	}
	for _, c := range cases {
		got := ft.find(content.FoldText(c.phrase), false)
		if c.want == nil {
			if len(got) != 0 {
				t.Errorf("%q: found %v across a paragraph break", c.phrase, got)
			}
			continue
		}
		if len(got) != 1 || !equalSpans(got[0], c.want) {
			t.Errorf("%q: spans %v; want %v", c.phrase, got, c.want)
		}
	}
	if got := ft.find(content.FoldText("raising"), true); len(got) != 1 {
		t.Errorf("whole-word raising: %v", got)
	}
	if got := ft.find(content.FoldText("rais"), true); len(got) != 0 {
		t.Errorf("whole-word search matched part of a word: %v", got)
	}
}

func equalSpans(a, b []span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDecorateKeepsWidthAndText(t *testing.T) {
	lines := []string{"\x1b[38;5;252mhello wide world\x1b[0m", "second"}
	out := decorate(lines, []span{{0, 6, 10}, {1, 0, 3}}, lipgloss.NewStyle().Reverse(true))
	for i := range lines {
		if ansi.Strip(out[i]) != ansi.Strip(lines[i]) || ansi.StringWidth(out[i]) != ansi.StringWidth(lines[i]) {
			t.Fatalf("line %d changed: %q -> %q", i, lines[i], out[i])
		}
	}
	if !strings.Contains(out[0], lipgloss.NewStyle().Reverse(true).Render("wide")) {
		t.Fatalf("span not styled: %q", out[0])
	}
	if lines[0] != "\x1b[38;5;252mhello wide world\x1b[0m" {
		t.Fatal("decorate changed its input")
	}
}

func TestPrintPlain(t *testing.T) {
	pack := testPack(t)
	var b strings.Builder
	if err := Print(&b, pack, nil, PrintOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "\x1b") {
		t.Fatal("plain output has escape sequences")
	}
	// the essay's words, the title printed once, and nothing else
	want := len(strings.Fields(pack.Source)) - len(strings.Fields(pack.Meta.Title))
	if got := len(strings.Fields(out)); got != want {
		t.Fatalf("plain print has %d words; the essay (title once) has %d", got, want)
	}
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 60 {
			t.Fatalf("line %d is %d wide at --width 60: %q", i+1, w, l)
		}
	}
	for _, s := range []string{"  1. Limited resources", "       • i.e., because", " 10. A need for", "    Multiple funders", "heavily-regulated"} {
		if !strings.Contains(out, s) {
			t.Errorf("plain print lacks %q", s)
		}
	}
	b.Reset()
	if err := Print(&b, pack, pack.Chapters[2], PrintOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "Chapter 3 of 8: Grant funding and democratic limits\n\nCan NGO Employees") {
		t.Fatalf("chapter print starts %q", b.String()[:80])
	}
}

func TestPrintStyled(t *testing.T) {
	pack := testPack(t)
	var b strings.Builder
	if err := Print(&b, pack, pack.Chapters[5], PrintOptions{Width: 70, Styled: true, IsDark: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "\x1b[") || !strings.Contains(ansi.Strip(out), "Chapter 6 of 8") {
		t.Fatal("styled print should be rendered markdown with a chapter line")
	}
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 70 {
			t.Fatalf("line %d is %d wide at width 70", i+1, w)
		}
	}
}

// A pack's links are shown with their address but never made into
// terminal hyperlinks (OSC 8) that a click would follow.
func TestLinksAreInert(t *testing.T) {
	fsys := fstest.MapFS{
		"pack.yaml":  {Data: []byte("id: links\ntitle: Links\narticle: article.md\n")},
		"article.md": {Data: []byte("<!-- chapter: One -->\n\n# Links\n\nSee [the union](https://example.org/union) for more.\n")},
	}
	pack, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	st := NewStyles(true, false)
	r, err := renderChapter(pack.Chapters[0], renderKey{chapter: 0, width: 60, style: "dark"},
		renderStyle{glamour: st.Glamour, term: st.Term})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(r.lines, "\n")
	if strings.Contains(all, "\x1b]8;") {
		t.Fatalf("rendered chapter contains an OSC 8 hyperlink: %q", all)
	}
	if !strings.Contains(ansi.Strip(all), "example.org/union") {
		t.Fatalf("the link's address is not shown:\n%s", ansi.Strip(all))
	}
	var b strings.Builder
	if err := Print(&b, pack, nil, PrintOptions{Width: 60, Styled: true, IsDark: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b]8;") {
		t.Fatal("print output contains an OSC 8 hyperlink")
	}
}

// The essay's own headings read as headings, not as markdown: no "##"
// before "Can NGO Employees Build a Movement?", in either theme.
func TestHeadingsShowWithoutTheirMarkdown(t *testing.T) {
	pack := testPack(t)
	for _, dark := range []bool{true, false} {
		hs := newHarness(t, 100, 30, Options{Theme: map[bool]Theme{true: ThemeDark, false: ThemeLight}[dark]})
		headings := 0
		for ci, ch := range pack.Chapters {
			hs.send(openMsg{chapter: ci})
			for _, p := range ch.Paragraphs() {
				if p.Kind != content.Heading {
					continue
				}
				headings++
				hs.send(openMsg{chapter: ci, paragraph: p.ID})
				hs.mustSee(p.Text)
				hs.mustNotSee("# " + p.Text)
			}
		}
		if headings < 3 {
			t.Fatalf("found %d of the essay's three headings", headings)
		}
	}
}
