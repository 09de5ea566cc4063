package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// focused is the glossary term Tab has reached, as the reader holds it.
func focused(hs *harness) string {
	r := hs.m.reader
	if r.r == nil || r.focus < 0 {
		return ""
	}
	return r.r.terms[r.focus].term.Term
}

// popupTitle is the term whose entry is on top (on its own, or opened
// from the index), or "".
func popupTitle(hs *harness) string {
	if n := len(hs.m.overlays); n > 0 {
		switch o := hs.m.overlays[n-1].(type) {
		case *termOverlay:
			return o.term.Term
		case *indexOverlay:
			if o.entry != nil {
				return o.entry.term.Term
			}
		}
	}
	return ""
}

func TestTabMovesTheFocusThroughTermsInReadingOrder(t *testing.T) {
	hs := newHarness(t, 80, 24, Options{Chapter: 1})
	terms := hs.m.reader.r.terms
	if len(terms) < 10 {
		t.Fatalf("chapter 1 has only %d marked terms", len(terms))
	}
	hs.keys("tab")
	if hs.m.reader.focus != 0 {
		t.Fatalf("first tab focuses term %d, want the first on screen (0)", hs.m.reader.focus)
	}
	var seen []string
	lastLine := -1
	for range 40 {
		hs.keys("tab")
		i := hs.m.reader.focus
		line := terms[i].spans[0].line
		if line < lastLine {
			t.Fatalf("focus went back up: line %d after %d", line, lastLine)
		}
		lastLine = line
		if !hs.m.reader.termVisible(i) {
			t.Fatalf("focused term %q (line %d) is off screen", focused(hs), line)
		}
		seen = append(seen, focused(hs))
	}
	if hs.m.reader.vp.YOffset() == 0 {
		t.Fatalf("twelve tabs never scrolled the page; focus stayed on the first screen: %v", seen)
	}
	// shift+tab goes back one
	before := hs.m.reader.focus
	hs.send(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if hs.m.reader.focus != before-1 {
		t.Fatalf("shift+tab: focus %d, want %d", hs.m.reader.focus, before-1)
	}
	// enter opens the focused term
	want := focused(hs)
	hs.keys("enter")
	if popupTitle(hs) != want {
		t.Fatalf("enter opened %q, want %q", popupTitle(hs), want)
	}
	hs.mustSee(want)
}

func TestPopupClosesWhereTheReaderWas(t *testing.T) {
	hs := newHarness(t, 80, 24, Options{Chapter: 3})
	hs.keys("space", "space", "j", "j")
	before := hs.screen()
	offset := hs.m.reader.vp.YOffset()
	hs.keys("tab", "enter")
	if popupTitle(hs) == "" {
		t.Fatal("no popup opened")
	}
	hs.keys("j", "j", "space") // scrolling inside the popup, not the page
	hs.keys("esc")
	if popupTitle(hs) != "" {
		t.Fatal("esc did not close the popup")
	}
	if hs.m.reader.vp.YOffset() != offset {
		t.Fatalf("page moved under the popup: offset %d, was %d", hs.m.reader.vp.YOffset(), offset)
	}
	if after := hs.screen(); after != before {
		t.Fatalf("screen changed after closing the popup:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestRelatedTermsAndBack(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 6})
	iso, _ := hs.m.c.pack.Glossary.Lookup("institutional isomorphism")
	hs.send(openTermMsg{term: iso})
	hs.mustSee("Related", iso.Related[0])
	hs.keys("tab", "enter") // the first link is the first related term
	if got := popupTitle(hs); got != iso.Related[0] {
		t.Fatalf("following the first related link opened %q, want %q", got, iso.Related[0])
	}
	hs.mustSee("⌫ back")
	hs.keys("backspace")
	if got := popupTitle(hs); got != iso.Term {
		t.Fatalf("backspace returned to %q", got)
	}
	hs.mustNotSee("⌫ back")
}

func TestAppearsInJumpsToTheFirstOccurrence(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 1})
	iso, _ := hs.m.c.pack.Glossary.Lookup("institutional isomorphism")
	hs.send(openTermMsg{term: iso})
	hs.mustSee("Appears in", "6  Institutional isomorphism")
	// tab past the related terms to the chapter link
	for range len(iso.Related) + 1 {
		hs.keys("tab")
	}
	hs.keys("enter")
	if popupTitle(hs) != "" {
		t.Fatal("jumping should close the popup")
	}
	if hs.m.reader.chapter != 5 {
		t.Fatalf("reader is at chapter %d, want 6", hs.m.reader.chapter+1)
	}
	if focused(hs) != iso.Term || !hs.m.reader.termVisible(hs.m.reader.focus) {
		t.Fatalf("the occurrence is not focused on screen (focus %q)", focused(hs))
	}
	first := iso.Occurrences[0]
	for _, p := range iso.Occurrences {
		if p.Chapter.Number == 6 {
			first = p
			break
		}
	}
	hs.mustSee(ansi.Strip(first.Text)[:20])
}

func TestClickingAMarkedTermOpensIt(t *testing.T) {
	hs := newHarness(t, 80, 24, Options{Chapter: 1})
	r := hs.m.reader
	showTitle, _, _ := r.chrome()
	var hit termMark
	found := false
	for _, tm := range r.r.terms {
		if r.termVisible(0) && tm.spans[0].line >= r.vp.YOffset() && tm.spans[0].line < r.vp.YOffset()+r.vp.Height() {
			hit, found = tm, true
			break
		}
	}
	if !found {
		t.Fatal("no marked term on the first screen")
	}
	y := hit.spans[0].line - r.vp.YOffset()
	if showTitle {
		y++
	}
	x := hit.spans[0].start + max(0, (r.width-r.vp.Width())/2)
	hs.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	if popupTitle(hs) != hit.term.Term {
		t.Fatalf("click at %d,%d opened %q, want %q", x, y, popupTitle(hs), hit.term.Term)
	}
}

func TestGlossaryIndexFiltersAsYouType(t *testing.T) {
	for _, start := range []Options{{}, {Chapter: 2}} { // from home and from the reader
		hs := newHarness(t, 80, 24, start)
		hs.keys("i")
		hs.mustSee("NGOism")
		hs.typeText("isomorph")
		s := hs.screen()
		if !strings.Contains(s, "institutional isomorphism") || strings.Contains(s, "501(c)(4)") {
			t.Fatalf("filter did not narrow the list:\n%s", s)
		}
		hs.keys("enter")
		if popupTitle(hs) != "institutional isomorphism" {
			t.Fatalf("enter in the index opened %q", popupTitle(hs))
		}
		hs.mustSee("⌫ back")
		hs.keys("backspace") // back to the index, still filtered
		if popupTitle(hs) != "" || len(hs.m.overlays) != 1 {
			t.Fatalf("⌫ from the entry should return to the index")
		}
		hs.mustSee("filter: isomorph", "institutional isomorphism")
		hs.keys("enter", "esc") // esc in the entry closes it, index and all
		if len(hs.m.overlays) != 0 {
			t.Fatalf("esc in an entry opened from the index left %d popups open:\n%s", len(hs.m.overlays), hs.screen())
		}
		hs.keys("i", "esc") // the index alone: esc closes it
		if len(hs.m.overlays) != 0 {
			t.Fatalf("esc left %d overlays open", len(hs.m.overlays))
		}
	}
}

// ⌫ goes back one entry at a time: after following two related terms, the
// first ⌫ shows the second entry, the next the first, and from the index
// the last ⌫ shows the index again.
func TestBackGoesBackOneEntryAtATime(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 6})
	g := hs.m.c.pack.Glossary
	a, _ := g.Lookup("institutional isomorphism")
	b, _ := g.Lookup(a.Related[0])
	link := -1 // the first of b's related terms that is not a
	for i, name := range b.Related {
		if c, ok := g.Lookup(name); ok && c != a {
			link = i
			break
		}
	}
	if link < 0 {
		t.Fatalf("%q has no related term but %q", b.Term, a.Term)
	}
	c, _ := g.Lookup(b.Related[link])
	hs.keys("i").typeText(a.Term)
	hs.keys("enter", "tab", "enter")
	for range link + 1 {
		hs.keys("tab")
	}
	hs.keys("enter")
	for _, want := range []string{c.Term, b.Term, a.Term} {
		if got := popupTitle(hs); got != want {
			t.Fatalf("the entry on screen is %q, want %q:\n%s", got, want, hs.screen())
		}
		hs.mustSee("⌫ back")
		hs.keys("backspace")
	}
	if popupTitle(hs) != "" || len(hs.m.overlays) != 1 {
		t.Fatalf("⌫ from the first entry should show the index:\n%s", hs.screen())
	}
	hs.mustSee("Glossary · ")
}

// The essay's chapters 1–3 as a new reader meets them: every marked term,
// reached with Tab, opens its own entry, at 80x24 and 40x12.
func TestEveryMarkedTermInChapters1To3Opens(t *testing.T) {
	layoutOnly(t)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for ch := 1; ch <= 3; ch++ {
			hs := newHarness(t, size[0], size[1], Options{Chapter: ch})
			n := len(hs.m.reader.r.terms)
			for i := range n {
				hs.keys("tab")
				if hs.m.reader.focus != i {
					t.Fatalf("%dx%d ch%d: tab %d focused %d", size[0], size[1], ch, i, hs.m.reader.focus)
				}
				want := hs.m.reader.r.terms[i].term
				hs.keys("enter")
				if popupTitle(hs) != want.Term {
					t.Fatalf("%dx%d ch%d term %d: opened %q, want %q", size[0], size[1], ch, i, popupTitle(hs), want.Term)
				}
				checkFits(t, hs.m.View().Content, size[0], size[1])
				hs.keys("esc")
			}
		}
	}
}

// Terms that contain what was typed come before looser fuzzy matches.
func TestIndexPutsContainingTermsFirst(t *testing.T) {
	hs := newHarness(t, 80, 24, Options{})
	hs.keys("i").typeText("isom")
	o := hs.m.overlays[0].(*indexOverlay)
	if it, ok := o.list.SelectedItem().(termItem); !ok || it.t.Term != "institutional isomorphism" {
		t.Fatalf("typing isom selects %v", o.list.SelectedItem())
	}
	got := termFilter("org", []string{"Democratic Socialists", "mass organization", "organizing", "workplace"})
	var order []int
	for _, r := range got {
		order = append(order, r.Index)
	}
	if len(order) < 2 || order[0] != 2 || order[1] != 1 {
		t.Fatalf("termFilter order %v: want organizing (starts with it), then mass organization", order)
	}
}

// At 40x12 an entry's header stays where it is as it scrolls ("NGO  1–8 of
// 47" used to wrap to two lines at "4–11 of 47", moving the text), and
// the index never runs a term into its kind ("invisible organizer
// organizing").
func TestSmallPopupsKeepTheirShape(t *testing.T) {
	hs := newHarness(t, 40, 12, Options{Chapter: 1})
	ngo, _ := hs.m.c.pack.Glossary.Lookup("NGO")
	hs.send(openTermMsg{term: ngo})
	o := hs.m.top().(*termOverlay)
	rowOf := func() int { // the screen row of the entry's first visible line
		first := strings.TrimSpace(ansi.Strip(o.s.visible()[0]))
		for i, l := range strings.Split(hs.screen(), "\n") {
			if strings.Contains(l, "│ "+first) {
				return i
			}
		}
		t.Fatalf("the entry's first line %q is not on screen:\n%s", first, hs.screen())
		return -1
	}
	hintRow := func() int { // the row that says where the entry is scrolled to
		for i, l := range strings.Split(hs.screen(), "\n") {
			if strings.Contains(l, o.s.position()+" · tab links") {
				return i
			}
		}
		t.Fatalf("the header does not say %q whole:\n%s", o.s.position()+" · tab links", hs.screen())
		return -1
	}
	top, hint := rowOf(), hintRow()
	for range 12 {
		hs.keys("j")
		if got, gotHint := rowOf(), hintRow(); got != top || gotHint != hint {
			t.Fatalf("after scrolling to %s the text starts on row %d (was %d), the header's hint on row %d (was %d):\n%s",
				o.s.position(), got, top, gotHint, hint, hs.screen())
		}
	}
	hs.keys("esc", "i")
	for range 6 {
		for _, l := range strings.Split(hs.screen(), "\n") {
			l = strings.TrimPrefix(strings.Trim(l, "│ "), "▸ ")
			name := "" // the longest term the row starts with
			for _, term := range hs.m.c.pack.Glossary.Terms {
				if strings.HasPrefix(l, term.Term) && len(term.Term) > len(name) {
					name = term.Term
				}
			}
			if rest := strings.TrimPrefix(l, name); name != "" && rest != "" && !strings.HasPrefix(rest, "  ") {
				t.Errorf("the index runs %q into what follows: %q", name, l)
			}
		}
		hs.keys("pgdown")
	}
}
