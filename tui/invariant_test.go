package tui

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/meeting"
	"studyguide/quiz"
)

// The invariants of every screen, over random input: any sequence of keys,
// pastes, clicks and terminal sizes never panics, every frame fits the
// terminal before anything is cut to it (the status and help lines are
// never pushed off), and the program ends only on a documented quit key.
// A failure prints the walk's name, seed and step, and the last inputs, so
// it can be replayed with go test -run 'TestWalk/NAME' (seeds are fixed).

// walkKeys is every key a person (or a cat, or a clicker) can press: every
// printable character, the named keys, control keys but ctrl+c, and F5.
var walkKeys = func() []string {
	var ks []string
	for r := ' ' + 1; r <= '~'; r++ {
		ks = append(ks, string(r))
	}
	ks = append(ks, "space", "enter", "esc", "tab", "shift+tab", "backspace", "delete", "up", "down", "left", "right",
		"pgup", "pgdown", "home", "end", "f5")
	for r := 'a'; r <= 'z'; r++ {
		if r != 'c' {
			ks = append(ks, "ctrl+"+string(r))
		}
	}
	return ks
}()

// screenKeys are pressed more often on each screen, so that a walk reaches
// what lies behind them: popups, search and its matches, notes, quiz steps.
var screenKeys = map[screen][]string{
	screenHome:    {"enter", "j", "k", "i", "?", "z", "r", "p", "x", "m", "h", "l"},
	screenReader:  {"tab", "enter", "/", "n", "N", "i", "e", "s", "z", "space", "]", "[", "}", "q", "esc"},
	screenQuiz:    {"1", "2", "3", "enter", "o", "s", "q", "j", "r"},
	screenPresent: {"space", "left", "1", "2", "3", "r", "u", "t", "tab", "enter", "c", "]", "[", "i", "?", "q", "y", "n"},
}

var walkSizes = [][2]int{{0, 0}, {1, 1}, {10, 3}, {20, 5}, {33, 7}, {40, 12}, {64, 20}, {80, 24}, {120, 40}, {160, 45}, {200, 60}, {300, 100}}

type walk struct {
	name  string
	opts  Options
	seeds uint64
	steps int
}

func TestWalk(t *testing.T) {
	steps := 2400 // tens of thousands of keys over the walks
	switch {
	case testing.Short():
		steps = 40 // every walk starts and runs a little; the long walks are go test's without -short
	case raceEnabled:
		steps = 250
	}
	if n, err := strconv.Atoi(os.Getenv("STUDYGUIDE_WALK_STEPS")); err == nil && n > 0 {
		steps = n // a longer walk before a release: STUDYGUIDE_WALK_STEPS=20000
	}
	walks := []walk{
		{"home", Options{}, 2, steps},
		{"reader", Options{Chapter: 2}, 2, steps},
		{"reader-last", Options{Chapter: 8}, 1, steps},
		{"quiz", Options{Quiz: &quiz.Options{Mode: quiz.All, Seed: 3}}, 2, steps},
		{"presenter", Options{Present: true, Chapter: 1, PresentItems: 4, PresentSeed: 1}, 3, steps},
	}
	for _, w := range walks {
		t.Run(w.name, func(t *testing.T) {
			reached := reach{} // over all seeds; see walkMust
			for seed := range w.seeds {
				runWalk(t, w, seed, reached)
			}
			if !t.Failed() && !testing.Short() { // a short walk cannot be asked to reach everything
				checkReach(t, w.name, reached)
			}
			t.Logf("%d seeds × %d steps, %d keys", w.seeds, w.steps, reached["keys pressed"])
		})
	}
}

// walker is one random walk over the root model.
type walker struct {
	t       *testing.T
	w       walk
	seed    uint64
	rng     *rand.Rand
	hs      *harness
	width   int
	height  int
	history []string
	reached reach
}

func runWalk(t *testing.T, w walk, seed uint64, reached reach) {
	salt := uint64(0)
	for _, r := range w.name {
		salt = salt*31 + uint64(r)
	}
	wk := &walker{t: t, w: w, seed: seed, rng: rand.New(rand.NewPCG(seed, salt)), reached: reached}
	wk.start()
	for step := range w.steps {
		if !wk.step(step) {
			return
		}
	}
}

func (wk *walker) start() {
	wk.hs = newHarness(wk.t, 80, 24, wk.w.opts)
	wk.width, wk.height = 80, 24
}

func (wk *walker) fail(step int, format string, args ...any) {
	wk.t.Helper()
	last := wk.history[max(0, len(wk.history)-25):]
	wk.t.Fatalf("walk %s seed %d step %d: %s\nlast inputs: %s\nscreen:\n%s", wk.w.name, wk.seed, step,
		fmt.Sprintf(format, args...), strings.Join(last, " "), ansi.Strip(wk.hs.m.View().Content))
}

// step sends one random input and checks the invariants; false ends the walk.
func (wk *walker) step(step int) (ok bool) {
	before := wk.hs.m
	msg, name := wk.next()
	allowed := quitAllowed(before, msg) // the screens are behind pointers: asked before the input
	wk.history = append(wk.history, name)
	if _, key := msg.(tea.KeyPressMsg); key {
		wk.reached["keys pressed"]++
	}
	defer func() {
		if r := recover(); r != nil {
			wk.fail(step, "panic: %v\n%s", r, debug.Stack())
			ok = false
		}
	}()
	if msg != nil {
		wk.hs.send(msg)
	}
	if wk.hs.quit {
		if !allowed {
			wk.fail(step, "the program ended on %s, which is not a quit key here", name)
			return false
		}
		wk.start() // a documented quit: begin again
		return true
	}
	wk.checkFrame(step)
	wk.reached.note(wk.hs.m)
	return !wk.t.Failed()
}

// next picks an input: mostly keys (the current screen's own keys more
// often), sometimes a resize, a paste, a click or the wheel, and in the
// presenter a timer tick or a jump to one of the room's votes.
func (wk *walker) next() (tea.Msg, string) {
	r := wk.rng
	m := wk.hs.m
	switch n := r.IntN(100); {
	case n < 3:
		s := walkSizes[r.IntN(len(walkSizes))]
		wk.width, wk.height = s[0], s[1]
		return tea.WindowSizeMsg{Width: s[0], Height: s[1]}, fmt.Sprintf("size:%dx%d", s[0], s[1])
	case n < 8:
		text := []string{"isomorphism", "NGO", "q\x1b[31mv", "ä漢字 ✓", "line one\nline two", strings.Repeat("y", 300)}[r.IntN(6)]
		return tea.PasteMsg{Content: text}, fmt.Sprintf("paste:%q", text)
	case n < 10:
		x, y := r.IntN(max(1, wk.width)), r.IntN(max(1, wk.height))
		return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}, fmt.Sprintf("click:%d,%d", x, y)
	case n < 12:
		b := []tea.MouseButton{tea.MouseWheelUp, tea.MouseWheelDown}[r.IntN(2)]
		return tea.MouseWheelMsg{Button: b}, "wheel"
	case n < 16 && m.screen == screenPresent:
		return timerTickMsg{gen: m.present.timer.gen}, "tick"
	case n < 19 && m.screen == screenPresent && len(m.overlays) == 0:
		return wk.presenterJump()
	case n < 40, n < 85 && inAFlow(m):
		if k := awareKey(m, r); k != "" {
			return keyPress(k), k
		}
	case n < 62:
		if ks := screenKeys[m.screen]; len(ks) > 0 {
			k := ks[r.IntN(len(ks))]
			return keyPress(k), k
		}
	}
	k := walkKeys[r.IntN(len(walkKeys))]
	return keyPress(k), k
}

// presenterJump moves the presenter to a random quiz step, as the chapter
// picker and a few presses would: the votes, reveals and bars are walked.
func (wk *walker) presenterJump() (tea.Msg, string) {
	var quizSteps []int
	for i, s := range wk.hs.m.present.deck {
		if s.Kind == meeting.Quiz || s.Kind == meeting.Summary {
			quizSteps = append(quizSteps, i)
		}
	}
	to := quizSteps[wk.rng.IntN(len(quizSteps))]
	wk.hs.m.present.goTo(to)
	wk.hs.m.present.layout()
	return nil, fmt.Sprintf("goto:%d", to)
}

// checkFrame checks the frame as drawn, before it is cut to the terminal.
func (wk *walker) checkFrame(step int) {
	w, h := wk.width, wk.height
	if w <= 0 || h <= 0 {
		if frame := wk.hs.m.View().Content; frame != "" {
			wk.fail(step, "a %dx%d terminal got a frame", w, h)
		}
		return
	}
	base, popup := wk.hs.m.layers()
	if strings.TrimSpace(ansi.Strip(base)) == "" {
		wk.fail(step, "empty frame at %dx%d", w, h)
	}
	if popup != "" {
		// The whole frame, the popup composed over the page as View
		// composes it (from the layers already drawn), is checked only
		// here: without a popup it is the page as checked below.
		if frame := fit(wk.hs.m.overlay(fit(base, w, h), popup), w, h); fitProblem(frame, w, h) != "" || strings.TrimSpace(ansi.Strip(frame)) == "" {
			wk.fail(step, "the frame with a popup: %q", fitProblem(frame, w, h))
		}
	}
	if msg := fitProblem(base, w, h); msg != "" {
		wk.fail(step, "the %s screen: %s", screenName(wk.hs.m.screen), msg)
	}
	if popup != "" {
		if msg := fitProblem(popup, w, h); msg != "" {
			wk.fail(step, "the popup: %s", msg)
		}
	}
}

// fitProblem says how a drawing does not fit w×h, or "".
func fitProblem(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		return fmt.Sprintf("%d lines for a %dx%d terminal", len(lines), w, h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			return fmt.Sprintf("line %d is %d cells wide for a %dx%d terminal: %q", i, lw, w, h, ansi.Strip(l))
		}
	}
	return ""
}

func screenName(s screen) string {
	return [...]string{"home", "reader", "quiz", "presenter"}[s]
}

// quitAllowed says whether an input may end the program, given the model
// before it: ctrl+c anywhere; q on the chapter list; in the presenter q
// when nothing would be lost, and y to its question.
func quitAllowed(before Model, msg tea.Msg) bool {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	k := kp.String()
	if k == "ctrl+c" {
		return true
	}
	if top := before.top(); top != nil {
		_, confirm := top.(*confirmOverlay)
		return confirm && (k == "y" || k == "Y")
	}
	switch before.screen {
	case screenHome:
		return k == "q"
	case screenPresent:
		return k == "q" && !roomWouldLose(*before.present)
	}
	return false
}

// roomWouldLose is the walk's own account of what ending the presenter
// would lose, read from what the room did (hands counted on any item,
// revealed or not; the timer running; a room served) rather than from
// atStake, whose mistakes the walk is there to catch.
func roomWouldLose(p presentModel) bool {
	if _, served := p.room.(*servedRoom); p.timer.running || served {
		return true
	}
	for _, st := range p.room.keep() {
		for _, n := range append(slices.Clone(st.Categories), st.Signs...) {
			if n > 0 {
				return true
			}
		}
	}
	return false
}

// The walk's own checks can fail: a frame one line too tall, a line one
// cell too wide, an empty frame and a quit on an undocumented key are each
// caught.
func TestWalkChecksCanFail(t *testing.T) {
	if fitProblem("ab\ncd", 2, 2) != "" || fitProblem("abc", 2, 2) == "" || fitProblem("a\nb\nc", 5, 2) == "" {
		t.Fatal("fitProblem does not tell a frame that fits from one that does not")
	}
	hs := newHarness(t, 80, 24, Options{Chapter: 1})
	if quitAllowed(hs.m, keyPress("v")) || quitAllowed(hs.m, keyPress("q")) || !quitAllowed(hs.m, keyPress("ctrl+c")) {
		t.Fatal("quitAllowed: in the reader only ctrl+c may quit")
	}
	home := newHarness(t, 80, 24, Options{})
	if !quitAllowed(home.m, keyPress("q")) || quitAllowed(home.m, keyPress("esc")) {
		t.Fatal("quitAllowed: on the chapter list q quits and esc does not")
	}
	p := presenter(t, 80, 24, 2)
	for p.m.present.step().Kind != meeting.Quiz {
		p.keys("space")
	}
	if !quitAllowed(p.m, keyPress("q")) {
		t.Fatal("quitAllowed: in the presenter with nothing at stake q quits")
	}
	p.keys("1") // a hand counted, not revealed
	if quitAllowed(p.m, keyPress("q")) {
		t.Fatal("quitAllowed: q may not end the presenter while a hand is counted")
	}
}
