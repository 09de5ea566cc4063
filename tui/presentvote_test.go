package tui

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/meeting"
)

// The room's vote on every quiz step of the deck, at every size from a
// phone-sized terminal to a projector's 80x24, through every stage: no
// hands, hands counted (a full hall's, three digits of them), the category
// revealed, the sign voted on and revealed, the explanation. At each one:
// no panic, the frame fits before anything is cut to the terminal, the
// answer is hidden until its reveal (no ✓, no explanation, no passage
// anywhere in the step, scrolled to or not), no sign is marked right until
// the sign's reveal, and where the screen is a projector's (64x20 and up)
// the scenario stays on screen throughout. Below 20x5 the guide asks for a
// larger terminal and ignores the keys.
func TestPresenterVoteMatrix(t *testing.T) {
	layoutOnly(t)
	sizes := [][2]int{{10, 3}, {20, 5}, {33, 7}, {40, 12}, {64, 20}, {80, 24}}
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			hs := newHarness(t, size[0], size[1], Options{Present: true, Chapter: 1, PresentItems: 4, PresentSeed: 1})
			steps := 0
			for i, s := range hs.m.present.deck {
				if s.Kind == meeting.Quiz {
					voteThrough(t, hs, i, size[0], size[1])
					steps++
				}
			}
			if steps < len(hs.m.c.pack.Chapters) {
				t.Fatalf("only %d quiz steps in the deck", steps)
			}
		})
	}
}

// voteThrough takes the room through the vote on deck step i.
func voteThrough(t *testing.T, hs *harness, i, w, h int) {
	t.Helper()
	p := hs.m.present
	p.goTo(i)
	p.layout()
	sc := p.step().Scenario
	bank := hs.m.c.pack.Quiz
	where := func(stage string) string { return fmt.Sprintf("%dx%d, step %d (%s), %s", w, h, i, sc.ID, stage) }
	small := w < minWidth || h < minHeight
	signs := hs.m.present.asksSign(sc)

	check := func(stage string, revealed, signRevealed bool) {
		t.Helper()
		at := where(stage)
		frame := ansi.Strip(hs.m.View().Content)
		if small {
			if !strings.Contains(strings.Join(strings.Fields(frame), " "), "Terminal too small") &&
				!strings.HasPrefix(strings.TrimSpace(frame), "Terminal") {
				t.Fatalf("%s: a terminal below %dx%d should be asked to grow:\n%s", at, minWidth, minHeight, frame)
			}
			return
		}
		base, popup := hs.m.layers()
		if msg := fitProblem(base, w, h); msg != "" {
			t.Fatalf("%s: %s\n%s", at, msg, ansi.Strip(base))
		}
		if popup != "" {
			t.Fatalf("%s: a popup is open: %s", at, ansi.Strip(popup))
		}
		if last := lastLine(base); !strings.Contains(last, p.counter()) {
			t.Fatalf("%s: the status line (%q) is not the last line: %q", at, p.counter(), last)
		}
		step := stepText(p) // the whole step, as far as one can scroll
		shown := stepView(p)
		ticks := strings.Count(step, "✓")
		explanation := squash(firstWords(sc.Explanation, 6))
		passage := squash(firstWords(sc.Passage, 6))
		if !revealed {
			if ticks > 0 || strings.Contains(step, explanation) || strings.Contains(step, passage) {
				t.Fatalf("%s: the answer shows before the reveal (✓ %d, explanation %v, passage %v):\n%s", at, ticks,
					strings.Contains(step, explanation), strings.Contains(step, passage), shown)
			}
		}
		if revealed {
			right, wrong := bank.Categories[categoryIndex(bank, sc.Answer)], bank.Categories[1-categoryIndex(bank, sc.Answer)]
			first := firstTicked(p)
			if !strings.Contains(first, prefix(right.Label, 4)) || strings.Contains(first, prefix(wrong.Label, 4)) {
				t.Fatalf("%s: the first line marked ✓ should name %q: %q\n%s", at, right.Label, first, shown)
			}
		}
		if signs && revealed && !signRevealed {
			if ticks != 1 || strings.Contains(step, explanation) {
				t.Fatalf("%s: during the sign vote only the category is marked (✓ %d, want 1), no explanation:\n%s", at, ticks, shown)
			}
		}
		if signs && signRevealed && !p.vote().explained && ticks != 1+len(sc.Signs) {
			t.Fatalf("%s: after the sign's reveal %d ✓, want the category and its %d sign(s):\n%s", at, ticks, len(sc.Signs), shown)
		}
		if p.vote().explained && (!strings.Contains(step, explanation) || sc.Paragraph != nil && !strings.Contains(step, passage)) {
			t.Fatalf("%s: the explanation and passage are not on the explanation's stage:\n%s", at, shown)
		}
		if w >= 64 && h >= 20 {
			if s := squash(ansi.Strip(base)); !strings.Contains(s, squash(firstWords(sc.Text, 4))) {
				t.Fatalf("%s: the scenario is off the screen:\n%s", at, ansi.Strip(base))
			}
		}
	}
	press := func(stage string, keys ...string) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%s: panic after %v: %v\n%s", where(stage), keys, r, debug.Stack())
			}
		}()
		hs.keys(keys...)
	}
	hall := func(stage string, option, hands int) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%s: panic with %d hands: %v\n%s", where(stage), hands, r, debug.Stack())
			}
		}()
		for range hands {
			p.count(option)
		}
		p.layout()
		hs.m.View()
	}

	check("no hands", false, false)
	press("hands", "1", "2", "1", "u", "1")
	if small {
		if sum(p.vote().cats) != 0 {
			t.Fatalf("%s: keys counted hands on a screen too small to show them: %v", where("hands"), p.vote().cats)
		}
		check("hands", false, false)
		return
	}
	if !slices.Equal(p.vote().cats, []int{2, 1}) {
		t.Fatalf("%s: 1 2 1 u 1 counted %v, want [2 1]", where("hands"), p.vote().cats)
	}
	check("hands", false, false)
	hall("a full hall", 0, 120) // three-digit counts: the bars must still fit
	check("a full hall", false, false)
	press("category revealed", "r")
	check("category revealed", true, false)
	if signs {
		press("sign hands", "1", "3", "3", "0")
		hall("a full hall's signs", 1, 110)
		check("sign hands", true, false)
		press("sign revealed", "r")
		if !p.vote().signRevealed {
			t.Fatalf("%s: r did not reveal the sign", where("sign revealed"))
		}
		check("sign revealed", true, true)
	}
	press("explained", "r")
	if !p.vote().explained {
		t.Fatalf("%s: r did not bring the explanation", where("explained"))
	}
	check("explained", true, signs)
}

// stepText is the whole of a presenter step, pinned lines and body, with
// styles, spaces and quotation bars taken out (so a phrase is found however
// it was wrapped): what a reader of the step sees, scrolling or not.
func stepText(p *presentModel) string {
	return squash(ansi.Strip(strings.Join(append(slices.Clone(p.pinned), p.body.lines...), "\n")))
}

// stepView is the whole step as drawn, unstyled, for failure messages.
func stepView(p *presentModel) string {
	return ansi.Strip(strings.Join(append(slices.Clone(p.pinned), p.body.lines...), "\n"))
}

// squash is text without spaces, line breaks and quotation bars.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '▎' {
			return -1
		}
		return r
	}, s)
}

// firstTicked is the first line of a step marked ✓, unstyled.
func firstTicked(p *presentModel) string {
	for _, l := range append(slices.Clone(p.pinned), p.body.lines...) {
		if l = ansi.Strip(l); strings.Contains(l, "✓") {
			return l
		}
	}
	return ""
}

func prefix(s string, n int) string { return string([]rune(s)[:min(n, len([]rune(s)))]) }

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// firstWords is the opening n words of a text, as flat.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func lastLine(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	return lines[len(lines)-1]
}

func categoryIndex(bank *content.QuizBank, id string) int {
	for i, c := range bank.Categories {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// Terms are marked on the presenter's passages however the essay
// capitalizes them: "Funders" opening a sentence is the glossary's
// "funders". Every passage where a term occurs only in another case than
// the glossary's (found here by a case-blind whole-word search) has it
// marked, unless a longer term covers it.
func TestPresenterMarksTermsInAnyCase(t *testing.T) {
	hs := presenter(t, 80, 24, 1)
	p := hs.m.present
	g := hs.m.c.pack.Glossary
	var forms []termForm
	for _, term := range g.Terms {
		for _, f := range term.Forms() {
			r := []rune(f)
			if !unicode.IsLetter(r[0]) || !unicode.IsLetter(r[len(r)-1]) {
				continue // \b needs letters at both ends
			}
			q := `\b` + regexp.QuoteMeta(f) + `\b`
			forms = append(forms, termForm{term, strings.ToLower(f), regexp.MustCompile(`(?i)` + q), regexp.MustCompile(q)})
		}
	}
	found := 0
	for i, s := range p.deck {
		if s.Kind != meeting.Passage {
			continue
		}
		p.goTo(i)
		p.layout()
		marked := map[*content.Term]bool{}
		for _, st := range p.terms {
			marked[st.term] = true
		}
		for _, para := range s.Paras {
			text := flat(para.Text)
			lower := strings.ToLower(text)
			for _, f := range forms {
				if !strings.Contains(lower, f.lower) {
					continue // cheaply: the form is not there in any case
				}
				loc := f.any.FindStringIndex(text)
				if loc == nil || f.exact.MatchString(text) {
					continue // not a whole word, or there as the glossary writes it
				}
				if marked[f.term] {
					found++
				} else if !covered(text, loc, forms, f.term) {
					t.Errorf("step %d (%s): %q occurs as %q but is not marked", i, para.ID, f.term.Term, text[loc[0]:loc[1]])
				}
			}
		}
	}
	t.Logf("%d terms marked where the essay capitalizes them otherwise", found)
	if found < 2 {
		t.Fatalf("only %d terms occur in another case than the glossary's: the test checks too little", found)
	}
}

// termForm is one form of a glossary term, found ignoring case or not.
type termForm struct {
	term       *content.Term
	lower      string
	any, exact *regexp.Regexp
}

// covered says whether another, longer term's occurrence spans loc.
func covered(text string, loc []int, forms []termForm, self *content.Term) bool {
	for _, f := range forms {
		if f.term == self {
			continue
		}
		for _, l := range f.any.FindAllStringIndex(text, -1) {
			if l[0] <= loc[0] && l[1] >= loc[1] && l[1]-l[0] > loc[1]-loc[0] {
				return true
			}
		}
	}
	return false
}

// The vote bars leave room for the count however many hands there are: a
// hall's three-digit count at the narrowest widths draws, fits, and shows
// the count whole.
func TestVoteBarsFitNarrowScreens(t *testing.T) {
	layoutOnly(t)
	hs := presenter(t, 80, 24, 1)
	p := hs.m.present
	for i, s := range p.deck {
		if s.Kind == meeting.Quiz {
			p.goTo(i)
			break
		}
	}
	for w := minWidth; w <= 34; w++ {
		hs.send(tea.WindowSizeMsg{Width: w, Height: 12})
		for _, hands := range []int{1, 9, 10, 99, 100, 999} {
			for p.room.(*ownRoom).r.UndoHand(p.step().Scenario.ID) { // no hands before these
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%dx12 with %d hands: panic: %v", w, hands, r)
					}
				}()
				for range hands {
					p.count(0)
				}
				p.layout()
				base, _ := hs.m.layers()
				if msg := fitProblem(base, w, 12); msg != "" {
					t.Fatalf("%dx12 with %d hands: %s", w, hands, msg)
				}
				if !strings.Contains(stepView(p), fmt.Sprintf(" %d", hands)) {
					t.Fatalf("%dx12: the count %d is not shown whole:\n%s", w, hands, stepView(p))
				}
			}()
		}
	}
}

// tallyLines draws at any width it is given, for any counts: no panic and
// no line wider than the width. (The presenter gives it at least 18
// columns; a member's view or a popup may give it less.)
func TestTallyLinesAtAnyWidth(t *testing.T) {
	hs := presenter(t, 80, 24, 1)
	labels := []string{"NGO-like", "Mass-organization-like"}
	for w := 1; w <= 40; w++ {
		for _, counts := range [][]int{{0, 0}, {1, 0}, {9, 12}, {120, 7}, {1000, 1}} {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("width %d, counts %v: panic: %v", w, counts, r)
					}
				}()
				for i, l := range hs.m.present.tallyLines(labels, counts, map[int]bool{1: true}, w) {
					if lw := ansi.StringWidth(l); lw > w {
						t.Fatalf("width %d, counts %v: line %d is %d wide: %q", w, counts, i, lw, ansi.Strip(l))
					}
				}
			}()
		}
	}
}
