package tui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/seeds"
)

// builtIn is the built-in pack, loaded once for all the tests, as the
// program loads it once: it is read and never changed (loading it took a
// quarter of a second a test under the race detector). A test that changes
// a pack loads its own with freshPack.
var builtIn = sync.OnceValues(func() (*content.Pack, error) { return content.Load(seeds.FS) })

func testPack(t testing.TB) *content.Pack {
	t.Helper()
	p, err := builtIn()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// layoutOnly skips a long test of screens and layouts under the race
// detector with -short (.ci/run's second pass): it runs on one goroutine,
// so the detector has nothing to find in it, and it has just run in full
// without the detector.
func layoutOnly(t *testing.T) {
	t.Helper()
	if raceEnabled && testing.Short() {
		t.Skip("one goroutine, long: run in full by go test without -race")
	}
}

// freshPack is a copy of the built-in pack of the test's own, to change.
func freshPack(t testing.TB) *content.Pack {
	t.Helper()
	p, err := content.Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// harness drives the root model the way Bubble Tea would: it sends a
// message, runs the commands that come back and feeds their messages in,
// until nothing is left. Commands are run synchronously; messages the model
// does not produce itself (terminal queries) are dropped.
type harness struct {
	t    testing.TB
	m    Model
	quit bool
}

func newHarness(t testing.TB, w, h int, opts Options) *harness {
	t.Helper()
	return newHarnessWith(t, testPack(t), w, h, opts)
}

// sharedRenders are the chapters rendered by every harness on the
// built-in pack, kept for the next: Glamour is pure, and rendering the
// same chapters again for each of hundreds of tests was most of their time.
var sharedRenders = map[bool]map[renderKey]*rendered{false: {}, true: {}} // by NO_COLOR

// newHarnessWith is newHarness on a pack of the test's own.
func newHarnessWith(t testing.TB, pack *content.Pack, w, h int, opts Options) *harness {
	t.Helper()
	if opts.Theme == "" {
		opts.Theme = ThemeDark // known theme: no terminal query, no wait
	}
	hs := &harness{t: t, m: New(pack, opts)}
	if p, _ := builtIn(); pack == p {
		hs.m.c.renders.done = sharedRenders[opts.NoColor]
	}
	// The presenter's timer is driven by timerTickMsg in tests, not by a clock.
	hs.m.c.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	hs.m.c.exportDir = t.TempDir()    // x writes here, not into the source tree
	hs.m.c.renders.calm = time.Time{} // commands run at once here: no first frame to wait for
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

func (hs *harness) send(msgs ...tea.Msg) *harness {
	for _, msg := range msgs {
		m, cmd := hs.m.Update(msg)
		hs.m = m.(Model)
		hs.run(cmd)
	}
	return hs
}

func (hs *harness) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			hs.t.Fatal("commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case renderedMsg, openMsg, backMsg, tea.BackgroundColorMsg, openTermMsg,
			saveTickMsg, savedMsg, exportedMsg, list.FilterMatchesMsg,
			quizStartMsg, quizOpenMsg, quizDoneMsg, showMsg:
			m, next := hs.m.Update(msg)
			hs.m = m.(Model)
			queue = append(queue, next)
		case tea.QuitMsg:
			hs.quit = true
		}
	}
}

// keys sends key presses by name: "j", "enter", "space", "ctrl+c", or
// literal text for typing ("/isomorphism" types each rune).
func (hs *harness) keys(names ...string) *harness {
	for _, n := range names {
		hs.send(keyPress(n))
	}
	return hs
}

func (hs *harness) typeText(s string) *harness {
	for _, r := range s {
		hs.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return hs
}

var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "space": tea.KeySpace, "up": tea.KeyUp,
	"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "pgdown": tea.KeyPgDown,
	"pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd, "backspace": tea.KeyBackspace,
	"tab": tea.KeyTab, "delete": tea.KeyDelete, "f5": tea.KeyF5,
}

func keyPress(name string) tea.KeyPressMsg {
	if name == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if strings.HasPrefix(name, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
	}
	if code, ok := namedKeys[name]; ok {
		if code == tea.KeySpace {
			return tea.KeyPressMsg{Code: code, Text: " "}
		}
		return tea.KeyPressMsg{Code: code}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// screen is what the user sees, without styling.
func (hs *harness) screen() string { return ansi.Strip(hs.m.View().Content) }

func (hs *harness) mustSee(texts ...string) {
	hs.t.Helper()
	s := hs.screen()
	for _, txt := range texts {
		if !strings.Contains(s, txt) {
			hs.t.Fatalf("screen does not show %q:\n%s", txt, s)
		}
	}
}

func (hs *harness) mustNotSee(texts ...string) {
	hs.t.Helper()
	s := hs.screen()
	for _, txt := range texts {
		if strings.Contains(s, txt) {
			hs.t.Fatalf("screen shows %q but should not:\n%s", txt, s)
		}
	}
}

// checkFits fails when a frame is wider or taller than the terminal.
func checkFits(t testing.TB, frame string, w, h int) {
	t.Helper()
	if frame == "" {
		return
	}
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Fatalf("frame has %d lines for a %dx%d terminal", len(lines), w, h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("line %d is %d cells wide for a %dx%d terminal: %q", i, lw, w, h, ansi.Strip(l))
		}
	}
}

// NewDeck lays out the presentation of a pack as serve does.
func NewDeck(pack *content.Pack, perChapter int, seed int64) *Deck {
	return DeckOf(meeting.NewDeck(pack, perChapter, seed))
}
