package tui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/progress"
	"studyguide/quiz"
)

// openMsg asks the root to open the reader at a chapter (index) and,
// optionally, a paragraph.
type openMsg struct {
	chapter   int
	paragraph string
}

// homeModel is the start screen: the chapters with their reading time and
// how much of each has been read, and a way back to where the reader was.
type homeModel struct {
	c      *common
	keys   HomeKeys
	list   list.Model
	width  int
	height int
	// due is how many quiz items are due for review, counted on refresh.
	due int
	// words is the pack's length, counted once (not on every frame).
	words int
}

type chapterItem struct{ ch *content.Chapter }
type continueItem struct{ pos progress.Position }

func (chapterItem) FilterValue() string  { return "" }
func (continueItem) FilterValue() string { return "" }

func newHome(c *common) homeModel {
	h := homeModel{c: c, keys: c.keys.Home, words: c.pack.Words()}
	minutes := make([]int, len(c.pack.Chapters))
	for i, ch := range c.pack.Chapters {
		minutes[i] = ch.ReadingMinutes(c.pack.Meta.ReadingWPM)
	}
	l := list.New(nil, homeDelegate{c: c, minutes: minutes}, 0, 0)
	l.SetShowTitle(false)
	l.SetShowStatusBar(false)
	l.SetShowHelp(false)
	l.SetFilteringEnabled(false)
	l.InfiniteScrolling = false
	km := list.KeyMap{
		CursorUp:   c.keys.Home.Up,
		CursorDown: c.keys.Home.Down,
		NextPage:   key.NewBinding(key.WithKeys("pgdown", "space", "f")),
		PrevPage:   key.NewBinding(key.WithKeys("pgup", "b")),
		GoToStart:  key.NewBinding(key.WithKeys("home", "g")),
		GoToEnd:    key.NewBinding(key.WithKeys("end", "G")),
	}
	l.KeyMap = km
	h.list = l
	h.refresh()
	return h
}

// refresh rebuilds the list from the pack and progress: the continue entry
// appears once there is a position to continue from.
func (h *homeModel) refresh() {
	var items []list.Item
	if pos := h.c.progress.Position; !pos.IsZero() {
		items = append(items, continueItem{pos: pos})
	}
	for _, ch := range h.c.pack.Chapters {
		items = append(items, chapterItem{ch: ch})
	}
	h.due = 0
	if h.c.pack.Quiz != nil {
		h.due = len(quiz.Due(h.c.progress.QuizCards(), h.c.pack.Quiz, time.Now()))
	}
	sel := h.list.Index()
	h.list.SetItems(items)
	h.list.Select(min(sel, len(items)-1))
}

func (h *homeModel) SetSize(w, height int) {
	h.width, h.height = w, height
	h.list.SetSize(h.columnWidth(), max(0, height-h.headerHeight()))
}

// columnWidth is the width of the chapter list: the reading column, so
// titles and times stay together on wide screens.
func (h homeModel) columnWidth() int { return min(h.width, maxReadWidth) }

// margin is the left indent that centres the column.
func (h homeModel) margin() string { return strings.Repeat(" ", max(0, (h.width-h.columnWidth())/2)) }

func (h homeModel) Update(msg tea.Msg) (homeModel, tea.Cmd) {
	kp, isKey := msg.(tea.KeyPressMsg)
	k, c := h.c.keys.Home, h.c
	switch {
	case !isKey:
	case key.Matches(kp, k.Quit):
		return h, tea.Quit
	case key.Matches(kp, k.Export):
		return h, exportCmd(c)
	case key.Matches(kp, k.Map):
		return h, show(func() overlay { return newMapOverlay(c) })
	case key.Matches(kp, k.Plan):
		return h, show(func() overlay { return newPlanOverlay(c) })
	case key.Matches(kp, k.Quiz):
		return h, startQuizCmd(quiz.Options{Mode: quiz.All}, "all scenarios")
	case key.Matches(kp, k.Review):
		return h, startQuizCmd(quiz.Options{Mode: quiz.Review}, "review")
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok && key.Matches(kp, h.keys.Open) {
		switch it := h.list.SelectedItem().(type) {
		case continueItem:
			return h, openCmd(it.pos.Chapter-1, it.pos.Paragraph)
		case chapterItem:
			return h, openCmd(it.ch.Number-1, "")
		}
		return h, nil
	}
	var cmd tea.Cmd
	h.list, cmd = h.list.Update(msg)
	return h, cmd
}

func openCmd(chapter int, para string) tea.Cmd {
	return func() tea.Msg { return openMsg{chapter: chapter, paragraph: para} }
}

// header is the pack's title, its credit and the total reading time. On a
// short screen the credit gives way to the chapters.
func (h homeModel) header() string {
	st, pack, w, cw := h.c.styles, h.c.pack, max(h.width, 1), max(h.columnWidth(), 1)
	words := h.words
	total := content.ReadingMinutes(words, pack.Meta.ReadingWPM)
	summary := fmt.Sprintf("%d chapters · %d words · about %d min of reading", len(pack.Chapters), words, total)
	if h.due > 0 {
		summary += fmt.Sprintf(" · %d due for review", h.due) // quiz items: r reviews them
	}
	// the bar spans the screen; its title starts where the column's text does
	lines := []string{st.TitleBar.Render(spread(h.margin()+" "+pack.Meta.Title, "", w))}
	if h.height < 10 { // a small screen: the title, then the chapters
		return lines[0]
	}
	lines = append(lines, "")
	if h.height >= 18 {
		credit := st.Dim.PaddingLeft(1).Width(max(cw, 2)).Render(pack.Meta.Credit)
		for _, l := range strings.Split(credit, "\n") {
			lines = append(lines, h.margin()+l)
		}
	}
	lines = append(lines, h.margin()+" "+st.Dim.Render(truncate(summary, cw-1)), "")
	return strings.Join(lines, "\n")
}

func (h homeModel) headerHeight() int { return lipgloss.Height(h.header()) }

func (h homeModel) View() string {
	rows := strings.Split(h.list.View(), "\n")
	rows = rows[:min(len(rows), max(0, h.height-h.headerHeight()))] // the list draws 3 lines at least
	for i, r := range rows {
		rows[i] = h.margin() + r
	}
	if len(rows) == 0 {
		return h.header()
	}
	return h.header() + "\n" + strings.Join(rows, "\n")
}

// ShortHelp is the footer, most useful first, in the short words a footer
// has room for (the full help, with ?, says more).
func (h homeModel) ShortHelp() []key.Binding {
	short := func(b key.Binding, desc string) key.Binding {
		b.SetHelp(b.Help().Key, desc)
		return b
	}
	return []key.Binding{h.keys.Open, h.keys.Quiz, short(h.keys.Review, "review"), short(h.keys.Plan, "plan"),
		short(h.keys.Map, "map"), short(h.c.keys.Glossary, "glossary"), short(h.keys.Export, "export"), h.keys.Quit, h.c.keys.Help}
}

func (h homeModel) FullHelp() [][]key.Binding {
	return [][]key.Binding{{h.keys.Up, h.keys.Down, h.keys.Open, h.c.keys.Glossary, h.keys.Export}, {h.keys.Map, h.keys.Quiz, h.keys.Review, h.keys.Plan}, {h.c.keys.Theme, h.c.keys.Help, h.keys.Quit, h.c.keys.Quit}}
}

// homeDelegate draws one row of the chapter list; minutes are each
// chapter's reading time.
type homeDelegate struct {
	c       *common
	minutes []int
}

func (homeDelegate) Height() int                         { return 1 }
func (homeDelegate) Spacing() int                        { return 0 }
func (homeDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d homeDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	st := d.c.styles
	width := m.Width()
	selected := index == m.Index()
	cursor := "  "
	if selected {
		cursor = "▸ "
	}
	var left, right string
	switch it := item.(type) {
	case continueItem:
		if it.pos.Chapter < 1 || it.pos.Chapter > len(d.c.pack.Chapters) {
			return // progress.FitTo keeps this from happening
		}
		ch := d.c.pack.Chapters[it.pos.Chapter-1]
		left = fmt.Sprintf("Continue: %d %s", ch.Number, ch.Title)
		if p, ok := d.c.pack.Paragraph(it.pos.Paragraph); ok {
			right = fmt.Sprintf("at ¶%d", p.Index+1)
		}
	case chapterItem:
		left = fmt.Sprintf("%d  %s", it.ch.Number, it.ch.Title)
		if d.c.progress.Note(fmt.Sprint(it.ch.Number)) != "" {
			left += " ✎"
		}
		mins := d.minutes[it.ch.Number-1]
		right = fmt.Sprintf("%2d min  %s", mins, d.readBar(it.ch))
		if width >= 72 {
			right = d.quizScore(it.ch.Number) + right
		}
		if width < 56 { // narrow: the title matters more than the bar
			right = fmt.Sprintf("%dm %s", mins, d.readMark(it.ch))
		}
	}
	style := st.Item
	if selected {
		style = st.ItemSelected
	}
	line := spread(cursor+style.Render(left), right, max(width-1, 1))
	fmt.Fprint(w, " "+ansi.Truncate(line, max(width-1, 0), ""))
}

// quizScore is how the chapter's quiz items went the last time each was
// answered ("quiz 3/4  ": 3 right of 4 answered), "" before any was.
func (d homeDelegate) quizScore(chapter int) string {
	if d.c.pack.Quiz == nil {
		return ""
	}
	for _, cs := range quiz.ChapterScores(d.c.progress.QuizCards(), d.c.pack.Quiz) {
		if cs.Chapter == chapter && cs.Seen > 0 {
			return fmt.Sprintf("quiz %d/%d  ", cs.Right, cs.Seen)
		}
	}
	return ""
}

// readMark is a one-cell summary of the bar for narrow screens.
func (d homeDelegate) readMark(ch *content.Chapter) string {
	ids := make([]string, len(ch.Sections))
	for i, s := range ch.Sections {
		ids[i] = s.ID
	}
	switch d.c.progress.CountRead(ids) {
	case 0:
		return d.c.styles.BarTodo.Render("□")
	case len(ids):
		return d.c.styles.BarDone.Render("✓")
	}
	return d.c.styles.BarDone.Render("◧")
}

// readBar shows one cell per section, filled when the section has been read.
func (d homeDelegate) readBar(ch *content.Chapter) string {
	st := d.c.styles
	var b strings.Builder
	read := 0
	for _, s := range ch.Sections {
		if d.c.progress.IsRead(s.ID) {
			read++
			b.WriteString(st.BarDone.Render("■"))
		} else {
			b.WriteString(st.BarTodo.Render("□"))
		}
	}
	most := 0
	for _, c := range d.c.pack.Chapters {
		most = max(most, len(c.Sections))
	}
	b.WriteString(strings.Repeat(" ", most-len(ch.Sections)))
	if read == len(ch.Sections) {
		return b.String() + st.BarDone.Render(" ✓")
	}
	return b.String() + "  "
}
