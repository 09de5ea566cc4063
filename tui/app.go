// Package tui is the terminal interface: one root model that owns the
// screens (home, reader), popups, keys and styles. It presents what content
// and progress hold and keeps no logic of its own beyond presentation.
package tui

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"studyguide/content"
	"studyguide/progress"
	"studyguide/quiz"
)

// Options are the choices made on the command line.
type Options struct {
	Theme   Theme
	NoColor bool
	// Chapter opens the reader at this chapter (1-based); 0 starts at home.
	Chapter int
	// Resume opens the reader where the reader left off (chapter 1 when
	// there is no saved place); Chapter is then ignored.
	Resume bool
	// Progress is the reader's progress; nil starts fresh.
	Progress *progress.State
	// Store saves progress; nil saves nothing.
	Store   *progress.Store
	Profile string
	// Notice is said once at start (saved progress that could not be read).
	Notice string
	// SaveDelay is how long changes wait before being saved, so a burst of
	// scrolling is one save (default one second).
	SaveDelay time.Duration
	// Present starts the presenter at Chapter (studyguide present), with
	// PresentItems quiz items per chapter (0: all) in PresentSeed's order.
	Present      bool
	PresentItems int
	PresentSeed  int64
	// Room serves the presenter to a room (studyguide serve); nil for none.
	Room *RoomOptions
	// Quiz starts a quiz at once (studyguide quiz); QuizTitle names it.
	Quiz      *quiz.Options
	QuizTitle string
}

type screen int

const (
	screenHome screen = iota
	screenReader
	screenQuiz
	screenPresent
)

// Model is the root of the program.
type Model struct {
	c       *common
	screen  screen
	home    *homeModel
	reader  *readerModel
	quiz    *quizModel
	present *presentModel
	// inQuiz says a quiz is under way (on screen, or paused while the
	// reader shows one of its passages).
	inQuiz bool
	// overlays are drawn over the screen, last on top; the top one takes
	// the keys.
	overlays []overlay
	saves    saveState
}

// saveState tracks saving: changes wait saveDelay, then one save runs.
type saveState struct {
	delay   time.Duration
	pending bool // a save tick is on its way
	gen     int
	saved   int  // progress.Changes() when the last save started
	warned  bool // saving failed and the reader has been told
}

type saveTickMsg struct{ gen int }
type savedMsg struct{ err error }

// New builds the program for a pack.
func New(pack *content.Pack, opts Options) Model {
	if opts.Progress == nil {
		opts.Progress = progress.New()
	}
	opts.Progress.FitTo(pack) // saved for an earlier version of the pack, maybe
	if opts.Theme == "" {
		opts.Theme = ThemeAuto
	}
	c := &common{
		projector: opts.Present, tick: tea.Tick,
		pack: pack, keys: DefaultKeyMap(), theme: opts.Theme, noColor: opts.NoColor,
		renders: newRenderCache(), progress: opts.Progress, store: opts.Store, profile: opts.Profile,
	}
	if opts.SaveDelay <= 0 {
		opts.SaveDelay = time.Second
	}
	c.enableKeys()
	switch opts.Theme {
	case ThemeAuto:
		c.setDark(guessDark(os.Getenv("COLORFGBG")))
	default:
		c.setDark(opts.Theme != ThemeLight)
	}
	m := Model{c: c, saves: saveState{delay: opts.SaveDelay, saved: opts.Progress.Changes()}}
	if opts.Notice != "" {
		m.overlays = append(m.overlays, newMessageOverlay(c, "Saved progress", opts.Notice))
	}
	// the home and the reader live behind pointers: they are most of the
	// model (the bubbles list alone is 30 KB), and Bubble Tea boxes the
	// whole model on every message
	home, reader := newHome(c), newReader(c)
	m.home, m.reader = &home, &reader
	switch pos := opts.Progress.Position; {
	case opts.Resume && !pos.IsZero():
		m.setScreen(screenReader)
		m.reader.open(pos.Chapter-1, pos.Paragraph) // drawn once the size is known
	case opts.Resume:
		m.setScreen(screenReader)
	case opts.Chapter > 0:
		m.setScreen(screenReader)
		m.reader.startAt(min(opts.Chapter, len(pack.Chapters)) - 1)
	}
	if opts.Present {
		m.setScreen(screenPresent)
		ch := opts.Chapter
		if ch == 0 { // with --profile, back to the chapter the room was on
			ch = opts.Progress.Position.Chapter
		}
		present := newPresent(c, max(1, ch), opts.PresentItems, opts.PresentSeed, opts.Room)
		m.present = &present
		m.present.restore(opts.Progress.Present, opts.Chapter == 0)
		m.present.showRoom()
	}
	if opts.Quiz != nil {
		mm, _ := m.startQuiz(quizStartMsg{opts: *opts.Quiz, title: opts.QuizTitle, from: screenHome, fixed: true})
		m = mm.(Model)
	}
	return m
}

// setScreen shows a screen. The reader keeps the reading position only while
// it is on screen: a chapter rendered in the background is not "read".
func (m *Model) setScreen(s screen) {
	m.screen = s
	m.reader.setActive(s == screenReader)
}

// enableKeys turns on the keys for the parts the pack has.
func (c *common) enableKeys() {
	pack := c.pack
	c.keys.Glossary.SetEnabled(pack.Glossary != nil)
	hasQuiz := pack.Quiz != nil && len(pack.Quiz.Scenarios) > 0
	c.keys.Home.Quiz.SetEnabled(hasQuiz)
	c.keys.Home.Review.SetEnabled(hasQuiz)
	c.keys.Reader.Quiz.SetEnabled(hasQuiz)
	c.keys.Reader.Guide.SetEnabled(pack.Guide != nil)
	c.keys.Home.Plan.SetEnabled(pack.Guide != nil)
	c.keys.Home.Map.SetEnabled(pack.ArgMap() != nil)
}

// Init asks the terminal for its background colour. The first frame does
// not wait for the answer: some terminals (tmux among them) never give one.
// With the auto theme, an answer that differs from the guess rebuilds the
// styles and re-renders the chapter, a few milliseconds later; with a
// theme chosen, it says whether the page must be painted (see paint).
func (m Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// guessDark reads the COLORFGBG convention ("15;0": light text on black)
// that some terminals set; without it, dark is the likelier guess.
func guessDark(colorfgbg string) bool {
	parts := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if colorfgbg == "" || err != nil {
		return true
	}
	return bg != 7 && bg < 9
}

// Update handles a message, then schedules a save if progress changed.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	mm := next.(Model)
	save := mm.scheduleSave()
	return mm, tea.Batch(cmd, save)
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case saveTickMsg:
		if msg.gen != m.saves.gen {
			return m, nil
		}
		m.saves.pending = false
		return m, m.saveNow()
	case savedMsg:
		if msg.err != nil && !m.saves.warned {
			m.saves.warned = true
			m.overlays = append(m.overlays, newMessageOverlay(m.c, "Saving is off",
				"Your progress and notes could not be saved: "+msg.err.Error()+
					". The guide keeps working; what you do now lasts until you quit."))
		}
		return m, nil
	case exportedMsg:
		text := "Written to " + msg.path + ": " + msg.what + "."
		if msg.err != nil {
			text = "The notes could not be exported: " + msg.err.Error()
		}
		m.overlays = append(m.overlays, newMessageOverlay(m.c, "Export", text))
		return m, nil
	case tea.WindowSizeMsg:
		cmd := m.resize(msg.Width, msg.Height)
		return m, cmd
	case tea.BackgroundColorMsg:
		dark := msg.IsDark()
		m.c.termDark = &dark
		if m.c.theme != ThemeAuto || m.c.toggled || msg.IsDark() == m.c.styles.IsDark {
			return m, nil
		}
		m.c.setDark(msg.IsDark())
		cmd := m.reader.ensureRender()
		return m, cmd
	case renderedMsg:
		if msg.r != nil {
			m.c.renders.store(msg.r)
		}
		var cmd tea.Cmd
		*m.reader, cmd = m.reader.Update(msg)
		return m, cmd
	case openMsg:
		m.setScreen(screenReader)
		cmd := m.reader.open(msg.chapter, msg.paragraph)
		return m, cmd
	case openTermMsg:
		m.overlays = append(m.overlays, newTermOverlay(m.c, msg.term))
		return m, nil
	case quizStartMsg:
		return m.startQuiz(msg)
	case quizOpenMsg:
		m.setScreen(screenReader)
		cmd := m.reader.openFromQuiz(msg.chapter, msg.paragraph)
		return m, cmd
	case quizDoneMsg:
		m.inQuiz = false
		m.setScreen(m.quiz.from)
		m.home.refresh()
		return m, nil
	case showMsg:
		o, cmd := msg.open()
		m.overlays = append(m.overlays, o)
		return m, cmd
	case timerTickMsg, RoomChangedMsg: // the presenter's, when there is one
		if m.present == nil {
			return m, nil
		}
		return m, m.present.update(msg)
	case backMsg:
		m.reader.endPeek()
		if m.inQuiz {
			m.setScreen(screenQuiz)
			return m, nil
		}
		m.setScreen(screenHome)
		m.home.refresh()
		m.home.list.Select(0) // the continue entry: the likeliest next step
		return m, nil
	case tea.KeyPressMsg:
		if m.tooSmall() && !key.Matches(msg, m.c.keys.Quit) {
			return m, nil // nothing happens that cannot be seen
		}
		return m.handleKey(msg)
	case tea.MouseMsg, tea.PasteMsg:
		if m.tooSmall() {
			return m, nil
		}
	}
	if top := m.top(); top != nil {
		cmd, act := top.update(msg)
		return m.act(act, cmd)
	}
	return m.toScreen(msg)
}

func (m Model) top() overlay {
	if n := len(m.overlays); n > 0 {
		return m.overlays[n-1]
	}
	return nil
}

// act carries out what an overlay asked for.
func (m Model) act(a action, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	switch a := a.(type) {
	case closeAction:
		m.overlays = m.overlays[:len(m.overlays)-1]
	case quitAction:
		m.overlays = nil
		if m.screen == screenPresent {
			m.present.record()
		}
		return m, tea.Batch(cmd, tea.Quit)
	case openTermAction:
		m.overlays = append(m.overlays, newTermOverlay(m.c, a.term))
	case saveNoteAction:
		m.c.progress.SetNote(fmt.Sprint(a.chapter.Number), a.text)
		if a.close {
			m.overlays = m.overlays[:len(m.overlays)-1]
			m.home.refresh()
		}
		return m, tea.Batch(cmd, m.saveNow())
	case chapterAction:
		m.overlays = m.overlays[:len(m.overlays)-1]
		return m, tea.Batch(cmd, m.present.update(a))
	case openChapterAction: // from the argument map
		m.overlays = nil
		m.setScreen(screenReader)
		return m, tea.Batch(cmd, m.reader.open(a.chapter-1, a.paragraph))
	case jumpAction:
		if m.screen == screenPresent { // the presenter has no reader: stay
			m.overlays = nil
			return m, cmd
		}
		m.overlays = nil
		m.reader.startPeek(m.inQuiz) // looking the term up, not reading there
		m.setScreen(screenReader)
		return m, tea.Batch(cmd, m.reader.jumpTo(a.para, a.term))
	}
	return m, cmd
}

// scheduleSave starts the save delay when progress has changed.
func (m *Model) scheduleSave() tea.Cmd {
	if m.c.store == nil || m.saves.pending || m.c.progress.Changes() == m.saves.saved {
		return nil
	}
	m.saves.pending = true
	m.saves.gen++
	gen := m.saves.gen
	return tea.Tick(m.saves.delay, func(time.Time) tea.Msg { return saveTickMsg{gen: gen} })
}

// saveNow saves a copy of the progress in the background.
func (m *Model) saveNow() tea.Cmd {
	if m.c.store == nil {
		return nil
	}
	m.saves.saved = m.c.progress.Changes()
	m.saves.pending = false
	m.saves.gen++ // a tick already on its way is now stale
	store, snapshot := m.c.store, m.c.progress.Clone()
	return func() tea.Msg { return savedMsg{err: store.Save(snapshot)} }
}

// Progress is the reader's progress as it is now, for the final save.
func (m Model) Progress() *progress.State { return m.c.progress }

// resize tells every screen the new size.
func (m *Model) resize(w, h int) tea.Cmd {
	m.c.width, m.c.height = w, h
	for _, o := range m.overlays {
		o.layout(w, h)
	}
	var cmds []tea.Cmd
	for _, p := range m.pages() {
		cmds = append(cmds, p.resize(w, h))
	}
	return tea.Batch(cmds...)
}

func (m Model) View() tea.View {
	v := tea.NewView(m.frame())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if m.c.paint() { // the theme's own page, restored on exit
		v.BackgroundColor, v.ForegroundColor = m.c.styles.Page, m.c.styles.Text
	}
	v.WindowTitle = "studyguide"
	return v
}

// frame is the whole screen as text, always exactly inside the terminal.
func (m Model) frame() string {
	w, h := m.c.width, m.c.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.tooSmall() {
		return tooSmallView(w, h)
	}
	base, popup := m.layers()
	if popup != "" {
		base = m.overlay(fit(base, w, h), popup)
	}
	return fit(base, w, h)
}

// layers are the active screen and the popup on top ("" for none), as
// drawn, before anything is cut to the terminal: layout code aims to fit
// on its own (tests check these), and frame's cropping is only the
// guarantee.
func (m Model) layers() (base, popup string) {
	if m.tooSmall() {
		return tooSmallView(m.c.width, m.c.height), ""
	}
	if top, ok := m.top().(interface {
		overlay
		fullScreen()
	}); ok { // covers the whole screen: nothing beneath to draw
		return top.view(), ""
	}
	base = m.page().view()
	if top := m.top(); top != nil {
		popup = top.view()
	}
	return base, popup
}

// page is the screen on show.
func (m Model) page() page {
	switch m.screen {
	case screenReader:
		return m.reader
	case screenQuiz:
		return m.quiz
	case screenPresent:
		return m.present
	}
	return m.home
}

// pages are the screens that exist now: the home and the reader always,
// a quiz while one is under way, the presenter when presenting. Each
// keeps the terminal's size, to be right when shown.
func (m Model) pages() []page {
	ps := []page{m.home, m.reader}
	if m.inQuiz {
		ps = append(ps, m.quiz)
	}
	if m.present != nil {
		ps = append(ps, m.present)
	}
	return ps
}

// overlay draws a popup centred over the page, kept inside the screen.
func (m Model) overlay(base, popup string) string {
	w, h := m.c.width, m.c.height
	popup = fit(popup, w, h)
	x := max(0, (w-lipgloss.Width(popup))/2)
	y := max(0, (h-lipgloss.Height(popup))/2)
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(base),
		lipgloss.NewLayer(popup).X(x).Y(y).Z(1),
	).Render()
}
