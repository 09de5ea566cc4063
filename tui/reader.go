package tui

import (
	"math"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"studyguide/content"
)

// backMsg asks the root to leave the reader for the chapter list.
type backMsg struct{}

// readerModel shows one chapter in a scrolling pane.
type readerModel struct {
	c       *common
	keys    ReaderKeys
	chapter int       // index into pack.Chapters
	r       *rendered // what is on screen; may be at an old width until the new one arrives
	// searchLines are r's lines with terms and search matches marked; lines
	// add the focused term. Only the visible slice of lines is drawn.
	searchLines []string
	lines       []string
	// active says the reader is on screen; only then does it keep the
	// reading position and mark sections read.
	active bool
	// focus is the glossary term Tab has reached (index into r.terms), or -1.
	focus int
	// focusTerm is a term to focus when the wanted rendering arrives.
	focusTerm *content.Term
	vp        viewport.Model
	// anchor is where to put the view when the wanted rendering arrives.
	anchor *anchor
	// place is where the reader last put the view themselves. Re-wrapping
	// returns there, even if a taller screen in between could not scroll
	// that far down.
	place  *anchor
	search searchModel
	err    error
	width  int
	height int
	// peek is set while the reader only looks somewhere (a quiz's passage,
	// a glossary entry's chapter, a search's matches): nothing is recorded
	// until they move on their own there, and back returns to where they
	// were reading.
	peek *peek
	// shown says a rendering has been on screen; until then, and unless
	// it takes longer than renderSlowDelay (slow), the reader draws
	// nothing rather than a first frame without its text.
	shown, slow bool
}

// peek is a look elsewhere that is not reading.
type peek struct {
	// quiz says the look is a quiz passage: back returns to the quiz, and
	// nothing read there is recorded.
	quiz bool
	// from is where the reader was reading (chapter index and place), to
	// return to; nil when they came from elsewhere.
	from *readPlace
}

type readPlace struct {
	chapter int
	at      *anchor
}

// openFromQuiz opens a quiz item's passage: a look at it, not reading,
// and q goes back to the quiz.
func (m *readerModel) openFromQuiz(chapter int, paragraph string) tea.Cmd {
	m.peek = &peek{quiz: true}
	m.keys.Back.SetHelp("q/esc", "back to the quiz")
	return m.open(chapter, paragraph)
}

// endPeek ends a look: what the reader shows next is reading again.
func (m *readerModel) endPeek() {
	m.peek = nil
	m.resetBackKey()
}

// resetBackKey makes q go back home again (not to a quiz).
func (m *readerModel) resetBackKey() { m.keys.Back = m.c.keys.Reader.Back }

// startAt puts the reader at chapter i (0-based), drawn once the size is
// known.
func (m *readerModel) startAt(i int) { m.chapter = i }

// setActive says whether the reader is on screen: it keeps the reading
// position only then (a chapter rendered in the background is not read).
func (m *readerModel) setActive(on bool) {
	m.active = on
	if on {
		m.settle()
	}
}

// typing says a search is being typed: every key is the reader's.
func (m *readerModel) typing() bool { return m.search.typing }

// startPeek begins a look elsewhere, remembering where the reader was
// reading (if they were). A look that is already under way keeps its
// origin.
func (m *readerModel) startPeek(quiz bool) {
	if m.peek != nil {
		m.peek.quiz = m.peek.quiz || quiz
		return
	}
	m.peek = &peek{quiz: quiz}
	if m.active && !quiz && m.r != nil {
		m.peek.from = &readPlace{chapter: m.chapter, at: m.currentAnchor()}
	}
}

// renderSlowDelay is how long the reader shows nothing while its first
// rendering is being made, before it shows that it is being made.
const renderSlowDelay = 250 * time.Millisecond

// renderSlowMsg says the first rendering is taking longer than
// renderSlowDelay.
type renderSlowMsg struct{}

// anchor is a place in a chapter that survives re-wrapping.
type anchor struct {
	para int     // index of a paragraph in the chapter
	frac float64 // how far into that paragraph the top of the screen was
	hit  int     // a search hit to show instead, or -1
}

func newReader(c *common) readerModel {
	m := readerModel{c: c, keys: c.keys.Reader, search: newSearch(c), focus: -1}
	m.vp = viewport.New()
	m.vp.KeyMap = viewport.KeyMap{
		Up: m.keys.Up, Down: m.keys.Down, PageUp: m.keys.PageUp, PageDown: m.keys.PageDown,
		HalfPageUp: m.keys.HalfUp, HalfPageDown: m.keys.HalfDown,
	}
	m.vp.MouseWheelDelta = 3
	return m
}

// chrome is how many lines of bars the reader shows at this height: title and
// status, plus the help line when there is room for it.
func (m readerModel) chrome() (title, status, help bool) {
	switch {
	case m.height >= 8:
		return true, true, true
	case m.height >= 4:
		return true, true, false
	case m.height >= 2:
		return false, true, false
	}
	return false, false, false
}

func (m *readerModel) SetSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	t, s, hl := m.chrome()
	bars := 0
	for _, on := range []bool{t, s, hl} {
		if on {
			bars++
		}
	}
	m.vp.SetWidth(m.c.readWidth())
	m.vp.SetHeight(max(0, h-bars))
	m.search.input.SetWidth(max(1, w-24))
	return m.ensureRender()
}

// wantKey is the rendering the reader needs now.
func (m readerModel) wantKey() renderKey {
	return renderKey{chapter: m.chapter, width: m.c.readWidth(), style: m.c.styles.Name}
}

// open shows a chapter, at a paragraph if one is given.
func (m *readerModel) open(chapter int, paraID string) tea.Cmd {
	chapter = max(0, min(chapter, len(m.c.pack.Chapters)-1))
	a := &anchor{hit: -1}
	if p, ok := m.c.pack.Paragraph(paraID); ok && p.Chapter.Number-1 == chapter {
		a.para = m.paraIndex(p)
	}
	return m.openAt(chapter, a)
}

func (m *readerModel) openAt(chapter int, a *anchor) tea.Cmd {
	if chapter != m.chapter || m.r == nil {
		m.r, m.place = nil, nil
	}
	m.chapter = chapter
	m.anchor = a
	// Keep where the reader is going now, not when the rendering arrives:
	// leaving before it does must not lose the place.
	if ps := m.c.pack.Chapters[chapter].Paragraphs(); m.active && m.peek == nil && a != nil && a.para >= 0 && a.para < len(ps) {
		m.c.progress.SetPosition(chapter+1, ps[a.para].ID)
	}
	return m.ensureRender()
}

// ensureRender shows the wanted rendering if it is cached, or asks for it.
func (m *readerModel) ensureRender() tea.Cmd {
	if m.c.width <= 0 || m.c.height <= 0 {
		return nil
	}
	want := m.wantKey()
	if m.r != nil && m.r.key == want && m.anchor == nil {
		if m.place != nil { // the height may have changed: back to the reader's place
			m.vp.SetYOffset(m.lineOf(m.place))
		}
		return nil
	}
	get := m.c.renders.get
	if !m.active { // behind another screen: after that screen's first frame
		get = m.c.renders.later
	}
	r, cmd := get(m.c.pack, want, m.c.renderStyle())
	if r == nil && m.active && !m.shown {
		cmd = tea.Batch(cmd, m.c.tick(renderSlowDelay, func(time.Time) tea.Msg { return renderSlowMsg{} }))
	}
	if r != nil {
		m.show(r)
		return m.prefetch()
	}
	if m.anchor == nil && m.r != nil {
		m.anchor = m.place
	}
	return cmd
}

// prefetch renders the next chapter in the background, so turning the page
// is instant. Behind another screen it waits until the reader is opened.
func (m *readerModel) prefetch() tea.Cmd {
	next := m.chapter + 1
	if next >= len(m.c.pack.Chapters) || !m.active {
		return nil
	}
	k := m.wantKey()
	k.chapter = next
	_, cmd := m.c.renders.later(m.c.pack, k, m.c.renderStyle())
	return cmd
}

// show puts a rendering on screen, keeping the reader's place.
func (m *readerModel) show(r *rendered) {
	a := m.anchor
	if a == nil && m.r != nil && m.r.key.chapter == r.key.chapter {
		a = m.place
	}
	m.r, m.anchor, m.focus, m.shown = r, nil, -1, true
	m.search.refresh(r, m.chapter)
	m.vp.SetContentLines(r.lines)
	m.redecorate()
	switch {
	case a == nil:
		m.vp.SetYOffset(0)
		m.settle()
	case a.hit >= 0:
		m.scrollToMatch()
		m.settle()
	default:
		m.vp.SetYOffset(m.lineOf(a))
		m.place = a
		m.record()
	}
	if t := m.focusTerm; t != nil {
		m.focusTerm = nil
		m.focusFirst(t, a)
	}
}

// currentAnchor is the paragraph at the top of the screen and how far into it.
func (m readerModel) currentAnchor() *anchor {
	a := &anchor{hit: -1}
	if m.r == nil || len(m.r.paraLine) == 0 {
		return a
	}
	a.para = m.topParagraph()
	start, end := m.paraSpan(a.para)
	if end > start {
		a.frac = float64(m.vp.YOffset()-start) / float64(end-start)
	}
	return a
}

func (m readerModel) lineOf(a *anchor) int {
	if m.r == nil || a.para >= len(m.r.paraLine) || a.para == 0 && a.frac == 0 {
		return 0 // the top of the chapter, blank line included
	}
	start, end := m.paraSpan(a.para)
	// rounded, not cut toward zero: the chapter's top is before its first
	// paragraph, a fraction below zero that must not come back a line lower
	return max(0, start+int(math.Round(a.frac*float64(end-start))))
}

// paraSpan is the first line of paragraph i and the first line after it.
func (m readerModel) paraSpan(i int) (int, int) {
	start := m.r.paraLine[i]
	end := len(m.r.lines)
	if i+1 < len(m.r.paraLine) {
		end = m.r.paraLine[i+1]
	}
	return start, end
}

// topParagraph is the paragraph that the top line of the screen belongs to.
func (m readerModel) topParagraph() int {
	top := m.vp.YOffset()
	i := 0
	for j, l := range m.r.paraLine {
		if l <= top {
			i = j
		}
	}
	return i
}

func (m readerModel) paraIndex(p *content.Paragraph) int {
	for i, q := range p.Chapter.Paragraphs() {
		if q == p {
			return i
		}
	}
	return 0
}

// moved notes that the reader moved the view themselves: this is now
// their place, and a look elsewhere (but at a quiz's passage) has become
// reading.
func (m *readerModel) moved() {
	if m.peek != nil && !m.peek.quiz {
		m.peek = nil
	}
	m.settle()
}

// settle notes where the view now is, after the program put it there.
func (m *readerModel) settle() {
	if m.r == nil {
		return
	}
	m.place = m.currentAnchor()
	m.record()
}

// record keeps the reading position and marks sections whose end has been
// on screen as read: only while reading, not while looking elsewhere.
func (m *readerModel) record() {
	if !m.active || m.peek != nil || m.r == nil || len(m.r.paraLine) == 0 || m.place == nil {
		return
	}
	ch := m.c.pack.Chapters[m.chapter]
	paras := ch.Paragraphs()
	top := paras[min(m.place.para, len(paras)-1)]
	m.c.progress.SetPosition(ch.Number, top.ID)
	bottom := m.vp.YOffset() + m.vp.Height()
	for i, p := range paras {
		last := i+1 == len(paras) || paras[i+1].Section != p.Section
		if !last {
			continue
		}
		if _, end := m.paraSpan(i); end <= bottom || m.vp.AtBottom() {
			m.c.progress.MarkRead(p.Section.ID)
		}
	}
}

func (m readerModel) Update(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case renderSlowMsg:
		m.slow = true
		return m, nil
	case renderedMsg:
		if msg.err != nil && msg.r == nil {
			m.err = msg.err
			return m, nil
		}
		if msg.r.key == m.wantKey() && (m.r == nil || m.r.key != msg.r.key || m.anchor != nil) {
			m.show(msg.r)
			return m, m.prefetch()
		}
	case tea.KeyPressMsg:
		if m.search.typing {
			return m.updateSearchInput(msg)
		}
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		m.vp, _ = m.vp.Update(msg)
		m.moved()
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			cmd := m.click(msg.X, msg.Y)
			return m, cmd
		}
	}
	return m, nil
}

func (m readerModel) View() string {
	if m.r == nil && m.err == nil && !m.shown && !m.slow {
		return "" // the first frame is the whole first screen, or nothing
	}
	showTitle, showStatus, showHelp := m.chrome()
	var parts []string
	if showTitle {
		parts = append(parts, m.titleBar())
	}
	parts = append(parts, m.body())
	if showStatus {
		parts = append(parts, m.statusBar())
	}
	if showHelp {
		parts = append(parts, m.helpLine())
	}
	return strings.Join(parts, "\n")
}

func (m readerModel) helpLine() string {
	return m.c.shortHelp(m.width, m.ShortHelp())
}

func (m readerModel) ShortHelp() []key.Binding {
	k := m.keys
	if m.search.typing {
		return []key.Binding{m.c.keys.Search.Accept, m.c.keys.Search.Cancel}
	}
	if m.search.active() {
		return []key.Binding{k.NextMatch, k.PrevMatch, k.ClearSearch, k.NextChapter, m.c.keys.Help}
	}
	return []key.Binding{k.NextChapter, k.NextTerm, k.Search, m.c.keys.Help, k.Back}
}

func (m readerModel) FullHelp() [][]key.Binding {
	k := m.keys
	search := []key.Binding{k.Search}
	if m.search.active() {
		search = append(search, k.NextMatch, k.PrevMatch, k.ClearSearch)
	}
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.NextSection, k.PrevSection, k.NextChapter, k.PrevChapter},
		search,
		{k.NextTerm, k.PrevTerm, k.OpenTerm, m.c.keys.Glossary},
		{k.Guide, k.EditNotes, k.Quiz},
		{m.c.keys.Theme, m.c.keys.Help, k.Back, m.c.keys.Quit},
	}
}
