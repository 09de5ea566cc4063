package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

func TestHomeOpensChapterAndBack(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{})
	hs.mustSee("The question of NGOism", "Ten warning signs", "min")
	hs.mustNotSee("Continue:")
	hs.keys("j", "enter")
	if hs.m.screen != screenReader || hs.m.reader.chapter != 1 {
		t.Fatalf("enter on the second row should open chapter 2, got screen %d chapter %d", hs.m.screen, hs.m.reader.chapter+1)
	}
	hs.mustSee("2/8", "Ten warning signs", "From this basic tension sprout")
	hs.keys("q")
	if hs.m.screen != screenHome {
		t.Fatal("q should go back to the chapter list")
	}
	hs.mustSee("Continue: 2 Ten warning signs")
}

func TestScrollKeysMoveTheText(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 1})
	first := hs.m.reader.vp.YOffset()
	hs.keys("j")
	if got := hs.m.reader.vp.YOffset(); got != first+1 {
		t.Fatalf("j: offset %d -> %d; want one line down", first, got)
	}
	hs.keys("k")
	hs.keys("space")
	if got := hs.m.reader.vp.YOffset(); got != first+hs.m.reader.vp.Height() {
		t.Fatalf("space should page down one screen, offset %d", got)
	}
	hs.mustNotSee("When socialists gathered")
	hs.keys("G")
	hs.mustSee("NGOism is characterized by this tension", "end")
	hs.keys("g")
	hs.mustSee("When socialists gathered", "top")
	// the wheel scrolls too
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if got := hs.m.reader.vp.YOffset(); got != 3 {
		t.Fatalf("wheel down: offset %d; want 3", got)
	}
}

func TestChapterAndSectionKeys(t *testing.T) {
	hs := newHarness(t, 100, 12, Options{Chapter: 1})
	hs.keys("}")
	if top := hs.topParagraphText(); !strings.HasPrefix(top, "Whatever the specific details") {
		t.Fatalf("} should go to the second section, top paragraph is %.40q", top)
	}
	hs.mustSee("§ A working definition")
	hs.keys("{")
	hs.mustSee("When socialists gathered")
	hs.keys("]")
	hs.mustSee("2/8  Ten warning signs", "From this basic tension")
	hs.keys("right", "right")
	hs.mustSee("4/8  Overwork and the role of staff")
	hs.keys("[")
	hs.mustSee("3/8", "Can NGO Employees Build a Movement?")
	// { at the top of a chapter goes to the last section of the previous one
	hs.keys("{")
	if hs.m.reader.chapter != 1 || !strings.HasPrefix(hs.topParagraphText(), "I believe that these characteristics") {
		t.Fatalf("{ at a chapter's start should open the previous chapter's last section; chapter %d, top %.40q",
			hs.m.reader.chapter+1, hs.topParagraphText())
	}
}

func (hs *harness) topParagraphText() string {
	r := hs.m.reader
	return hs.m.c.pack.Chapters[r.chapter].Paragraphs()[r.topParagraph()].Text
}

func TestSearchFindsIsomorphismAcrossChapters(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 1})
	hs.keys("/").typeText("isomorphism")
	hs.mustSee("/isomorphism", "1 of 3")
	if hs.m.reader.chapter != 5 {
		t.Fatalf("typing the query should jump to chapter 6, at %d", hs.m.reader.chapter+1)
	}
	hs.keys("enter")
	hs.mustSee("6/8  Institutional isomorphism", "“isomorphism” 1 of 3", "sociologists call “institutional")
	hs.keys("n")
	hs.mustSee("2 of 3", "“isomorphism [also] happens")
	hs.keys("n")
	hs.mustSee("3 of 3", "“Institutional isomorphism” just describes")
	hs.keys("n")
	hs.mustSee("1 of 3")
	hs.keys("N", "N")
	hs.mustSee("2 of 3")
	// the current match is styled differently from the others
	view := hs.m.View().Content
	if !strings.Contains(view, hs.m.c.styles.CurrentMatch.Render("isomorphism")) {
		t.Fatal("the current match is not highlighted")
	}
	hs.keys("esc")
	hs.mustNotSee("of 3")
	if strings.Contains(hs.m.View().Content, hs.m.c.styles.Match.Render("isomorphism")) {
		t.Fatal("esc should clear the highlights")
	}
	hs.keys("esc")
	if hs.m.screen != screenReader || hs.m.reader.chapter != 0 {
		t.Fatal("a second esc goes back to where the search began: the search was a look, not reading")
	}
	hs.keys("esc")
	if hs.m.screen != screenHome {
		t.Fatal("a third esc goes back to the chapters")
	}
}

func TestSearchMatchesAcrossALineBreakAndQuotes(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 6})
	// straight quotes find the essay's curly ones, and the phrase is
	// highlighted across the line break where it wraps
	hs.keys("/").typeText(`"institutional isomorphism."`).keys("enter")
	hs.mustSee("1 of 1")
	r := hs.m.reader
	g := r.search.currentGroup(r.r)
	if g < 0 {
		t.Fatal("no current match on screen")
	}
	var got []string
	for _, sp := range r.search.groups[g] {
		got = append(got, ansi.Cut(r.r.plain[sp.line], sp.start, sp.end))
	}
	if len(got) != 2 || got[0] != "“institutional" || got[1] != "isomorphism.”" {
		t.Fatalf("the highlighted cells are %q; want the phrase on two lines", got)
	}
}

func TestSearchWithoutMatchesAndCancel(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 3})
	hs.keys("space")
	before := hs.m.reader.vp.YOffset()
	hs.keys("/").typeText("zzyzx")
	hs.mustSee("no matches")
	hs.keys("enter")
	hs.mustSee("“zzyzx” no matches")
	hs.keys("/").typeText("Oyakawa")
	if hs.m.reader.chapter != 5 {
		t.Fatalf("search should have moved to chapter 6, at %d", hs.m.reader.chapter+1)
	}
	hs.keys("esc")
	if hs.m.reader.chapter != 2 || hs.m.reader.vp.YOffset() != before {
		t.Fatalf("cancelling a search should return to chapter 3 at line %d; at chapter %d line %d",
			before, hs.m.reader.chapter+1, hs.m.reader.vp.YOffset())
	}
}

func TestResizeKeepsTheParagraph(t *testing.T) {
	hs := newHarness(t, 120, 40, Options{Chapter: 4})
	hs.keys("space", "space", "j", "j")
	para := hs.topParagraphText()
	for _, size := range [][2]int{{50, 20}, {200, 60}, {80, 24}} {
		hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		// The paragraph stays at the top, or in view when the end of the
		// chapter keeps it from scrolling that far.
		r := hs.m.reader
		start, _ := r.paraSpan(r.paraIndex(paraOf(hs, para)))
		top := r.vp.YOffset()
		if got := hs.topParagraphText(); got != para && !(r.vp.AtBottom() && start >= top && start < top+r.vp.Height()) {
			t.Fatalf("after resizing to %dx%d the top paragraph is %.40q; was %.40q", size[0], size[1], got, para)
		}
		if w := hs.m.reader.r.key.width; w != min(size[0], maxReadWidth) {
			t.Fatalf("not re-wrapped: width %d at %dx%d", w, size[0], size[1])
		}
	}
}

func paraOf(hs *harness, text string) *content.Paragraph {
	for _, p := range hs.m.c.pack.Paragraphs() {
		if p.Text == text {
			return p
		}
	}
	hs.t.Fatalf("no paragraph %.40q", text)
	return nil
}

func TestContinueReopensTheParagraph(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 6})
	hs.keys("space", "space")
	want := hs.m.c.progress.Position
	hs.keys("q")
	hs.mustSee("Continue: 6 Institutional isomorphism")
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	hs.keys("g", "enter") // the continue entry is first
	if got := hs.m.c.progress.Position; got != want || hs.m.reader.chapter != 5 {
		t.Fatalf("continue opened %+v; want %+v", got, want)
	}
	if hs.m.reader.vp.YOffset() == 0 {
		t.Fatal("continue should not open at the top of the chapter")
	}
}

func TestSectionsReadShowOnHome(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 2})
	hs.keys("G", "q")
	for _, s := range hs.m.c.pack.Chapters[1].Sections {
		if !hs.m.c.progress.IsRead(s.ID) {
			t.Fatalf("section %s not marked read after reading to the end", s.ID)
		}
	}
	hs.mustSee("Ten warning signs")
	row := ""
	for _, l := range strings.Split(hs.screen(), "\n") {
		if strings.Contains(l, "2  Ten warning signs") {
			row = l
		}
	}
	if !strings.Contains(row, "■■") || !strings.Contains(row, "✓") {
		t.Fatalf("chapter 2's row should show both sections read and a tick: %q", row)
	}
	if hs.m.c.progress.IsRead("3.1") {
		t.Fatal("a section never opened is marked read")
	}
}

func TestHelpPopupAndThemeToggle(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{Chapter: 1})
	hs.keys("?")
	hs.mustSee("Keys", "next section", "previous chapter", "search")
	hs.keys("j") // keys go to the popup, not the page
	if hs.m.reader.vp.YOffset() != 0 {
		t.Fatal("the page scrolled under the help popup")
	}
	hs.keys("esc")
	hs.mustNotSee("(esc to close)")
	if hs.m.screen != screenReader {
		t.Fatal("esc closing the popup should not also leave the reader")
	}
	hs.keys("t")
	if hs.m.c.styles.IsDark || hs.m.reader.r.key.style != "light" {
		t.Fatalf("t should switch to the light theme and re-render (style %q)", hs.m.reader.r.key.style)
	}
}

func TestCtrlCQuitsFromAnywhere(t *testing.T) {
	for _, setup := range [][]string{{}, {"enter"}, {"enter", "/"}, {"?"}} {
		hs := newHarness(t, 80, 24, Options{})
		hs.keys(setup...)
		hs.keys("ctrl+c")
		if !hs.quit {
			t.Fatalf("ctrl+c after %v did not quit", setup)
		}
	}
}

func TestBackgroundColourPicksTheTheme(t *testing.T) {
	t.Setenv("COLORFGBG", "") // before New reads it: the terminal running the tests may set it
	hs := newHarness(t, 80, 24, Options{Theme: ThemeAuto, Chapter: 1})
	if hs.m.Init() == nil {
		t.Fatal("with --theme auto the program must ask the terminal for its background")
	}
	hs.mustSee("When socialists gathered") // drawn at once, not waiting for an answer
	if !hs.m.c.styles.IsDark {
		t.Fatal("without an answer yet, dark is the guess")
	}
	hs.send(tea.BackgroundColorMsg{Color: white{}})
	if hs.m.c.styles.IsDark {
		t.Fatal("a white background should select the light theme")
	}
	hs.mustSee("When socialists gathered")
	if hs.m.reader.r.key.style != "light" {
		t.Fatal("the chapter was rendered in the dark style on a light terminal")
	}
}

func TestGuessDark(t *testing.T) {
	for env, want := range map[string]bool{"": true, "15;0": true, "0;15": false, "0;7": false, "7;0": true, "0;default;15": false, "junk": true} {
		if got := guessDark(env); got != want {
			t.Errorf("guessDark(%q) = %v; want %v", env, got, want)
		}
	}
}

type white struct{}

func (white) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

// The chapter rendered in the background behind the chapter list is not
// "read": no position is kept, and no Continue entry appears, until the
// reader is opened.
func TestHomeDoesNotRecordAPosition(t *testing.T) {
	hs := newHarness(t, 80, 24, Options{})
	hs.m.home.refresh()
	if !hs.m.c.progress.Position.IsZero() {
		t.Fatalf("a position was kept without reading: %+v", hs.m.c.progress.Position)
	}
	hs.mustNotSee("Continue")
	hs.keys("down", "enter", "space", "q")
	hs.mustSee("Continue: 2 ")
}
