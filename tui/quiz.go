package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/quiz"
)

// quizModel is the scenario quiz: one situation at a time, answered with a
// category, then for the first category the sign it shows; feedback with the
// explanation and the essay's passage; a summary at the end or when the
// reader stops. The logic is quiz.Session's; this only presents it.
type quizModel struct {
	c     *common
	keys  QuizKeys
	s     *quiz.Session
	title string // "Chapter 3", "All scenarios", "Review"
	// from is the screen to go back to when the quiz ends.
	from screen
	// sel is the option under the cursor, -1 until the reader moves to
	// one: nothing is preselected, so Enter never answers for them.
	sel  int
	res  *quiz.Result
	sres *quiz.SignResult
	// summary is shown instead of an item: the quiz ended or was stopped.
	summary bool
	body    scroller
	// focusLine is the first line of what just changed (the feedback), kept
	// in view after an answer.
	focusLine int
	// optLine is the first line of the choices, to keep the one under the
	// cursor in view.
	optLine int
}

// quizStartMsg asks the root to start a quiz.
type quizStartMsg struct {
	opts  quiz.Options
	title string
	// fixed says the quiz goes back to from when it ends (not to the
	// screen it started on).
	from  screen
	fixed bool
}

func startQuizCmd(opts quiz.Options, title string) tea.Cmd {
	return func() tea.Msg { return quizStartMsg{opts: opts, title: title} }
}

func newQuiz(c *common, s *quiz.Session, title string, from screen) quizModel {
	if title == "" {
		title = map[quiz.Mode]string{quiz.All: "all scenarios", quiz.Chapter: fmt.Sprintf("chapter %d", s.Chapter()), quiz.Review: "review"}[s.Mode()]
	}
	m := quizModel{c: c, keys: c.keys.Quiz, s: s, title: title, from: from, sel: -1}
	m.layout()
	return m
}

// options are what the reader chooses between now: the categories, or the
// signs for the follow-up.
func (m quizModel) options() []string {
	bank := m.c.pack.Quiz
	var out []string
	switch m.s.Step() {
	case quiz.AwaitAnswer:
		for _, cat := range bank.Categories {
			out = append(out, cat.Label)
		}
	case quiz.AwaitSign:
		for _, sg := range bank.Signs {
			out = append(out, sg.Label)
		}
	}
	return out
}

// pickKeys names the digits that pick one of n options: "1/2", "1–5",
// "1–9 0".
func pickKeys(n int) string {
	switch {
	case n <= 1:
		return "1"
	case n == 2:
		return "1/2"
	case n <= 9:
		return fmt.Sprintf("1–%d", n)
	}
	return "1–9 0"
}

// optionKey is the digit that picks option i: 1–9, then 0 for the tenth.
func optionKey(i int) string {
	switch {
	case i < 9:
		return fmt.Sprint(i + 1)
	case i == 9:
		return "0"
	}
	return " "
}

func (m quizModel) Update(msg tea.Msg) (quizModel, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if wm, ok := msg.(tea.MouseWheelMsg); ok {
			if wm.Button == tea.MouseWheelUp {
				m.body.offset -= 3
			} else {
				m.body.offset += 3
			}
			m.body.clamp()
		}
		return m, nil
	}
	k := m.keys
	if m.summary {
		switch {
		case key.Matches(kp, k.Review):
			return m, startQuizCmd(quiz.Options{Mode: quiz.Review, Cards: m.c.progress.QuizCards()}, "Review")
		case key.Matches(kp, k.Done), key.Matches(kp, k.Stop):
			return m, func() tea.Msg { return quizDoneMsg{} }
		}
		m.body.scroll(kp, m.c.keys.Reader)
		return m, nil
	}
	opts := m.options()
	switch {
	case key.Matches(kp, k.Stop):
		m.record()
		m.summary = true
		m.layout()
		m.body.offset = 0 // the summary starts at the score
		return m, nil
	case len(opts) > 0 && (key.Matches(kp, k.Up) || key.Matches(kp, k.Down)):
		switch {
		case key.Matches(kp, k.Up) && m.sel < 0:
			m.sel = len(opts) - 1
		case key.Matches(kp, k.Up):
			m.sel = (m.sel + len(opts) - 1) % len(opts)
		default:
			m.sel = (m.sel + 1) % len(opts)
		}
		m.layout()
		m.body.show(m.optLine + m.sel)
		return m, nil
	case len(opts) > 0 && key.Matches(kp, k.Choose):
		if m.sel < 0 || m.sel >= len(opts) {
			return m, nil // Enter confirms a choice moved to, never a default
		}
		m.choose(m.sel)
	case len(opts) > 0 && isDigit(kp):
		i := digitOption(kp)
		if i < len(opts) {
			m.sel = i
			m.choose(i)
		}
	case len(opts) == 0 && key.Matches(kp, k.Next):
		m.s.Next()
		m.res, m.sres, m.sel = nil, nil, -1
		if m.s.Done() {
			m.summary = true
		}
		m.layout()
		m.body.offset = 0
		return m, nil
	case len(opts) == 0 && key.Matches(kp, k.Open):
		if sc := m.current(); sc != nil && sc.Paragraph != nil {
			p := sc.Paragraph
			return m, func() tea.Msg { return quizOpenMsg{chapter: p.Chapter.Number - 1, paragraph: p.ID} }
		}
	case key.Matches(kp, k.Signs) && len(m.c.pack.Quiz.Signs) > 0:
		c := m.c
		return m, show(func() overlay { return newSignsOverlay(c) })
	default:
		m.body.scroll(kp, m.c.keys.Reader)
		return m, nil
	}
	m.layout()
	return m, nil
}

func isDigit(kp tea.KeyPressMsg) bool {
	s := kp.String()
	return len(s) == 1 && s[0] >= '0' && s[0] <= '9'
}

func digitOption(kp tea.KeyPressMsg) int {
	d := int(kp.String()[0] - '0')
	if d == 0 {
		return 9
	}
	return d - 1
}

// quizOpenMsg opens the reader at a passage, keeping the quiz to come back to.
type quizOpenMsg struct {
	chapter   int
	paragraph string
}

// quizDoneMsg leaves the quiz.
type quizDoneMsg struct{}

// current is the item on screen: the one being asked, or the one just
// answered.
func (m quizModel) current() *content.Scenario {
	if m.res != nil {
		return m.res.Scenario
	}
	return m.s.Current()
}

// choose answers with option i.
func (m *quizModel) choose(i int) {
	bank := m.c.pack.Quiz
	switch m.s.Step() {
	case quiz.AwaitAnswer:
		res, err := m.s.Answer(bank.Categories[i].ID)
		if err != nil {
			return
		}
		m.res, m.sel = &res, -1
	case quiz.AwaitSign:
		sres, err := m.s.AnswerSign(bank.Signs[i].ID)
		if err != nil {
			return
		}
		m.sres = &sres
	}
	m.record()
	m.layout()
	m.body.show(min(len(m.body.lines)-1, m.focusLine+m.body.height-1))
	m.body.show(m.focusLine)
}

// record keeps the session in progress after every answer, so quitting at
// any moment loses nothing.
func (m quizModel) record() {
	m.c.progress.RecordQuiz(m.s.Record(), m.s.Cards())
}

// width is the quiz's text column.
func (m quizModel) width() int { return max(1, min(72, m.c.width-4)) }

// layout builds the body for the current state and size.
func (m *quizModel) layout() {
	var lines []string
	if m.summary {
		lines = m.summaryLines()
	} else {
		lines = m.itemLines()
	}
	m.body.lines = lines
	m.body.height = max(1, m.c.height-2)
	m.body.clamp()
}

func (m *quizModel) itemLines() []string {
	st, w, bank := m.c.styles, m.width(), m.c.pack.Quiz
	sc := m.current()
	if sc == nil {
		return nil
	}
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	add(st.Dim.Render(truncate(sceneMeta(sc), w)))
	add("")
	add(st.QuizText.Render(wrapText(flatten(sc.Text), w)))
	add("")
	step := m.s.Step()
	if m.res == nil {
		add(st.Heading.Render(wrapText(bank.Question(), w)))
		add("")
		m.optLine = len(lines)
		lines = append(lines, m.optionLines()...)
		return lines
	}
	m.focusLine = len(lines)
	if m.res.Correct {
		add(st.Right.Render(truncate("✓ Right: "+m.res.Expected.Label, w)))
	} else {
		add(st.Wrong.Render(wrapText("✗ Not this time. You said "+m.res.Chosen.Label+"; it is "+m.res.Expected.Label+".", w)))
	}
	add("")
	if step == quiz.AwaitSign {
		add(st.Heading.Render(wrapText(bank.SignQuestion(), w)))
		add(st.Dim.Render(truncate("any sign it shows counts · s: the signs in full", w)))
		add("")
		m.optLine = len(lines)
		lines = append(lines, m.optionLines()...)
		return lines
	}
	if m.sres != nil {
		m.focusLine = len(lines)
		if m.sres.Correct {
			add(st.Right.Render(wrapText(fmt.Sprintf("✓ Yes: %s. %s", m.sres.Chosen.ID, m.sres.Chosen.Label), w)))
		} else {
			add(st.Wrong.Render(wrapText(fmt.Sprintf("✗ Not %s. %s.", m.sres.Chosen.ID, m.sres.Chosen.Label), w)))
		}
		add("")
	}
	// The signs an item shows, by number; a principle needs no line of its
	// own, the explanation opens with it.
	var tags []string
	for _, t := range bank.SignsOf(sc) {
		tags = append(tags, t.ID+". "+t.Label)
	}
	if len(tags) > 0 {
		add(st.Heading.Render(wrapText("Shows: "+strings.Join(tags, " · "), w)))
	}
	add(wrapText(flatten(sc.Explanation), w))
	add("")
	if sc.Paragraph != nil {
		bar := st.Accent.Render("▎")
		for _, l := range strings.Split(wrapText("“"+flatten(sc.Passage)+"”", max(1, w-2)), "\n") {
			add(bar + " " + st.Quote.Render(l))
		}
		ch := sc.Paragraph.Chapter
		add(st.Dim.Render(truncate(fmt.Sprintf("  chapter %d, %s · ¶%d", ch.Number, ch.Title, sc.Paragraph.Index+1), w)))
	}
	return lines
}

// optionLines lists the choices, the one under the cursor marked by more
// than colour.
func (m quizModel) optionLines() []string {
	st, w := m.c.styles, m.width()
	var out []string
	for i, o := range m.options() {
		line := optionKey(i) + "  " + o
		if i == m.sel {
			out = append(out, st.ItemSelected.Render(truncate("▸ "+line, w)))
		} else {
			out = append(out, st.Item.Render(truncate("  "+line, w)))
		}
	}
	return out
}

// flatten joins a YAML-folded text into one paragraph.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// titleBar is the quiz's top line: where it is and how it is going.
func (m quizModel) titleBar() string {
	st := m.c.styles
	left := " Quiz · " + m.title
	right := ""
	if m.summary {
		right = "summary "
	} else {
		sum := m.s.Summary()
		right = fmt.Sprintf("%d/%d · %d right ", min(m.s.Index()+1, m.s.Len()), m.s.Len(), sum.Correct)
	}
	return st.TitleBar.Render(spreadOptional(left, right, m.c.width))
}

func (m quizModel) View() string {
	w := m.c.width
	margin := strings.Repeat(" ", max(0, (w-m.width())/2))
	var b strings.Builder
	b.WriteString(m.titleBar())
	body := m.body.visible()
	for i := 0; i < m.body.height; i++ {
		b.WriteString("\n")
		if i < len(body) {
			b.WriteString(margin + body[i])
		}
	}
	b.WriteString("\n")
	help := m.c.shortHelp(w, m.ShortHelp())
	if p := m.body.position(); p != "" { // where the text is scrolled to, then the keys that fit beside it
		help = spreadOptional(m.c.shortHelp(w-ansi.StringWidth(p)-2, m.ShortHelp()), m.c.styles.Dim.Render(p), w)
	}
	b.WriteString(help)
	return b.String()
}

// ShortHelp is the footer: the keys that matter at this step.
func (m quizModel) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.summary:
		return []key.Binding{k.Review, k.Done, m.c.keys.Help}
	case len(m.options()) > 0:
		pick := k.Pick // named for this question: "1/2 answer", "1–9 0 answer"
		pick.SetHelp(pickKeys(len(m.options())), pick.Help().Desc)
		if m.s.Step() == quiz.AwaitSign {
			return []key.Binding{pick, k.Choose, k.Signs, k.Stop, m.c.keys.Help}
		}
		return []key.Binding{pick, k.Choose, k.Stop, m.c.keys.Help}
	}
	return []key.Binding{k.Next, k.Open, k.Stop, m.c.keys.Help}
}

// FullHelp is every quiz key.
func (m quizModel) FullHelp() [][]key.Binding {
	k, r := m.keys, m.c.keys.Reader
	return [][]key.Binding{
		{k.Pick, k.Up, k.Down, k.Choose, k.Signs},
		{k.Next, k.Open, k.Stop, k.Review, k.Done},
		{r.PageDown, r.PageUp, r.Top, r.Bottom},
		{m.c.keys.Glossary, m.c.keys.Theme, m.c.keys.Help, m.c.keys.Quit},
	}
}

// newSignsOverlay lists the signs in full: label and the essay's own words.
func newSignsOverlay(c *common) *messageOverlay {
	bank := c.pack.Quiz
	var parts []string
	for _, s := range bank.Signs {
		parts = append(parts, c.styles.Heading.Render(s.ID+". "+s.Label)+"\n"+flatten(s.Description))
	}
	return newMessageOverlay(c, "The "+bank.SignsName(), strings.Join(parts, "\n\n"))
}
