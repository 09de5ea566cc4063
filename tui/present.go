package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// presentModel is the presenter: the essay for a projector, one step at a
// time — title cards, passages, discussion questions, and the quiz as a room
// exercise with hands counted before the answer is revealed — with a
// countdown for discussion.
type presentModel struct {
	c     *common
	keys  PresentKeys
	deck  []step
	at    int
	body  scroller
	votes map[string]*roomVote // by scenario ID
	timer countdown
	// terms are the glossary terms marked on the step; focus is the one Tab
	// reached, -1 for none.
	terms []stepTerm
	focus int
	// revealAt is the first line of the answer last revealed on a quiz step.
	revealAt int
	// room is the served room this presenter drives or shows; nil for none.
	room *roomLink
}

// roomVote is a room's answer to one scenario: hands counted per category,
// then per sign, each count undoable, each answer revealed by the presenter.
type roomVote struct {
	cats, signs           []int
	revealed, signReveald bool
	undo                  []voteMark
}

type voteMark struct {
	sign bool
	i    int
}

// phase is where a quiz step is: counting hands for the category, then
// (items of the first category) for the sign.
func (v *roomVote) signPhase() bool { return v.revealed }

// countdown is the discussion timer.
type countdown struct {
	set     time.Duration // what it counts down from
	left    time.Duration
	running bool
	shown   bool // started at least once since the last reset
	gen     int  // ticks from an earlier start are ignored
}

// timerTickMsg is one second of the countdown.
type timerTickMsg struct{ gen int }

const (
	defaultTimer = 5 * time.Minute
	timerStep    = time.Minute
	maxTimer     = 99 * time.Minute
)

func (m presentModel) tick() tea.Cmd {
	gen := m.timer.gen
	return m.c.tick(time.Second, func(time.Time) tea.Msg { return timerTickMsg{gen: gen} })
}

func newPresent(c *common, chapter, perChapter int, seed int64) presentModel {
	m := presentModel{c: c, keys: c.keys.Present, deck: buildDeck(c.pack, perChapter, seed), votes: map[string]*roomVote{},
		focus: -1, timer: countdown{set: defaultTimer, left: defaultTimer}}
	for i, s := range m.deck {
		if s.kind == stepTitle && s.chapter.Number == chapter {
			m.at = i
			break
		}
	}
	m.layout()
	return m
}

func (m presentModel) step() step { return m.deck[m.at] }

func (m presentModel) vote() *roomVote {
	s := m.step()
	if s.kind != stepQuiz {
		return nil
	}
	v := m.votes[s.scenario.ID]
	if v == nil {
		v = &roomVote{cats: make([]int, len(m.c.pack.Quiz.Categories)), signs: make([]int, len(m.c.pack.Quiz.Signs))}
		m.votes[s.scenario.ID] = v
	}
	m.room.sync(v, s.scenario)
	return v
}

// asksSign says whether a scenario has the follow-up about its sign.
func (m presentModel) asksSign(sc *content.Scenario) bool {
	return sc.Answer == m.c.pack.Quiz.SignCategory().ID && len(m.c.pack.Quiz.Signs) > 0
}

func (m presentModel) Update(msg tea.Msg) (presentModel, tea.Cmd) {
	switch msg := msg.(type) {
	case timerTickMsg:
		if msg.gen != m.timer.gen || !m.timer.running {
			return m, nil
		}
		m.timer.left -= time.Second
		if m.timer.left <= 0 {
			m.timer.left, m.timer.running = 0, false
			return m, nil
		}
		return m, m.tick()
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			m.body.offset -= 3
		} else {
			m.body.offset += 3
		}
		m.body.clamp()
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m presentModel) key(kp tea.KeyPressMsg) (presentModel, tea.Cmd) {
	k := m.keys
	s := m.step()
	if mm, cmd, ok := m.roomKey(kp); ok {
		return mm, cmd
	}
	switch {
	case key.Matches(kp, k.Timer):
		mm, cmd := m.toggleTimer()
		mm.layout() // the timer may take a line
		return mm, cmd
	case key.Matches(kp, k.More):
		m.adjustTimer(timerStep)
	case key.Matches(kp, k.Less):
		m.adjustTimer(-timerStep)
	case key.Matches(kp, k.Reset):
		m.timer = countdown{set: m.timer.set, left: m.timer.set, gen: m.timer.gen + 1}
	case key.Matches(kp, k.Next):
		if s.kind == stepQuiz && m.reveal() {
			return m.showReveal(), nil // the first presses reveal, then move on
		}
		m.go_(m.at + 1)
	case key.Matches(kp, k.Prev):
		m.go_(m.at - 1)
	case key.Matches(kp, k.NextChapter):
		m.go_(m.chapterStart(s.chapter.Number + 1))
	case key.Matches(kp, k.PrevChapter):
		n := s.chapter.Number
		if m.at == m.chapterStart(n) {
			n--
		}
		m.go_(m.chapterStart(n))
	case key.Matches(kp, k.Chapters):
		return m, func() tea.Msg { return chapterPickMsg{} }
	case key.Matches(kp, k.NextTerm) && len(m.terms) > 0:
		m.focus = (m.focus + 1) % len(m.terms)
		m.layout()
		m.body.show(m.terms[m.focus].line)
	case key.Matches(kp, k.PrevTerm) && len(m.terms) > 0:
		if m.focus <= 0 {
			m.focus = len(m.terms)
		}
		m.focus--
		m.layout()
		m.body.show(m.terms[m.focus].line)
	case key.Matches(kp, k.Reveal):
		if s.kind == stepQuiz {
			if m.reveal() {
				return m.showReveal(), nil
			}
		} else if m.focus >= 0 && m.focus < len(m.terms) {
			t := m.terms[m.focus].term
			return m, func() tea.Msg { return openTermMsg{term: t} }
		}
	case key.Matches(kp, k.Undo) && s.kind == stepQuiz && m.room != nil:
		m.room.undo(s.scenario)
	case key.Matches(kp, k.Undo) && s.kind == stepQuiz:
		v := m.vote()
		if n := len(v.undo); n > 0 {
			u := v.undo[n-1]
			v.undo = v.undo[:n-1]
			if u.sign {
				v.signs[u.i]--
			} else {
				v.cats[u.i]--
			}
		}
	case s.kind == stepQuiz && isDigit(kp):
		m.count(digitOption(kp))
	default:
		m.body.scroll(kp, m.c.keys.Reader)
		return m, nil
	}
	m.layout()
	return m, nil
}

// showReveal lays out a just-revealed answer and scrolls it to the top.
func (m presentModel) showReveal() presentModel {
	m.layout()
	m.body.offset = max(0, m.revealAt-1)
	m.body.clamp()
	return m
}

// count raises one hand for option i of the current vote.
func (m *presentModel) count(i int) {
	if m.room != nil {
		m.room.hand(m.c.pack.Quiz, m.step().scenario, i)
		return
	}
	v := m.vote()
	switch {
	case !v.revealed && i < len(v.cats):
		v.cats[i]++
		v.undo = append(v.undo, voteMark{false, i})
	case v.revealed && m.asksSign(m.step().scenario) && !v.signReveald && i < len(v.signs):
		v.signs[i]++
		v.undo = append(v.undo, voteMark{true, i})
	}
}

// reveal shows the next answer of a quiz step; false when all is shown.
func (m *presentModel) reveal() bool {
	if done, decided := m.room.reveal(m.step().scenario); decided {
		return done
	}
	v := m.vote()
	switch {
	case !v.revealed:
		v.revealed, v.undo = true, nil
		return true
	case m.asksSign(m.step().scenario) && !v.signReveald:
		v.signReveald, v.undo = true, nil
		return true
	}
	return false
}

func (m presentModel) toggleTimer() (presentModel, tea.Cmd) {
	t := &m.timer
	if t.left <= 0 {
		t.left = t.set
	}
	t.running = !t.running
	t.shown = true
	t.gen++
	if t.running {
		return m, m.tick()
	}
	return m, nil
}

func (m *presentModel) adjustTimer(d time.Duration) {
	t := &m.timer
	if !t.running && (!t.shown || t.left == t.set) {
		t.set = max(timerStep, min(maxTimer, t.set+d))
		t.left = t.set
		t.shown = true
		return
	}
	t.left = max(0, min(maxTimer, t.left+d))
	if t.left == 0 {
		t.running = false
	}
}

// go_ moves to step i, kept inside the deck.
func (m *presentModel) go_(i int) {
	i = max(0, min(len(m.deck)-1, i))
	if i != m.at {
		m.at, m.focus = i, -1
		m.body.offset = 0
		m.room.moved(m.deck, i)
		if s := m.step(); m.c.store != nil {
			para := ""
			if len(s.paras) > 0 {
				para = s.paras[0].ID
			} else if ps := s.chapter.Paragraphs(); len(ps) > 0 {
				para = ps[0].ID
			}
			m.c.progress.SetPosition(s.chapter.Number, para)
		}
	}
}

// chapterStart is the title card of chapter n (kept inside the pack).
func (m presentModel) chapterStart(n int) int {
	n = max(1, min(len(m.c.pack.Chapters), n))
	for i, s := range m.deck {
		if s.kind == stepTitle && s.chapter.Number == n {
			return i
		}
	}
	return m.at
}

// chapterPickMsg opens the chapter list.
type chapterPickMsg struct{}

// column is the width of the presenter's text: narrow and centred, with
// generous margins, so the terminal's font can be made large.
func (m presentModel) column() int {
	w := m.c.width
	margin := max(1, w/10)
	return max(1, min(64, w-2*margin))
}

// layout builds the step's lines for the current size.
func (m *presentModel) layout() {
	if len(m.deck) == 0 {
		return
	}
	m.terms = nil
	var lines []string
	switch s := m.step(); s.kind {
	case stepTitle:
		lines = m.titleLines(s)
	case stepPassage:
		lines = m.passageLines(s)
	case stepQuestion:
		lines = m.questionLines(s)
	case stepQuiz:
		lines = m.quizLines(s)
	case stepRoom:
		lines = m.roomLines(s)
	}
	if m.focus >= len(m.terms) {
		m.focus = -1
	}
	m.body.lines = lines
	m.body.height = max(1, m.c.height-m.topGap()-1)
	m.body.clamp()
}

// topGap is the blank space above the text: a margin where there is room.
func (m presentModel) topGap() int {
	switch {
	case m.c.height >= 20:
		return 2
	case m.timer.shown && m.c.height >= 3:
		return 1 // a line for the timer
	}
	return 0
}

// bigTimer says whether the countdown fits in big digits in the right
// margin, beside the text rather than over it.
func (m presentModel) bigTimer() bool {
	margin := (m.c.width - m.column()) / 2
	return margin >= bigWidth("00:00")+3 && m.c.height >= 16
}

func (m presentModel) titleLines(s step) []string {
	st, w := m.c.styles, m.column()
	ch := s.chapter
	var lines []string
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	add(st.Heading.Render(fmt.Sprintf("Chapter %d of %d", ch.Number, len(m.c.pack.Chapters))))
	add("")
	add(st.Heading.Render(wrapText(ch.Title, w)))
	add("")
	add(st.Item.Render(fmt.Sprintf("%d min of reading · %d words", ch.ReadingMinutes(m.c.pack.Meta.ReadingWPM), ch.Words())))
	if g := m.c.pack.Guide.For(ch.Number); g != nil {
		add("")
		add(st.Heading.Render("Key ideas"))
		for _, b := range g.Summary {
			add(hangText("• ", flatten(b), w))
		}
	}
	return append(m.room.titleLines(st, w), lines...)
}

func (m *presentModel) passageLines(s step) []string {
	st, w := m.c.styles, m.column()
	var blocks []textBlock
	for _, p := range s.paras {
		b := textBlock{text: flatten(p.Text), style: st.Item}
		switch p.Kind {
		case content.Title, content.Heading:
			b.style = st.Heading
		case content.ListItem:
			if p.Number > 0 {
				b.prefix = fmt.Sprintf("%d. ", p.Number)
			} else {
				b.prefix = "• "
			}
		case content.SubItem:
			b.prefix, b.indent = "– ", 3
		case content.Quote:
			b.prefix, b.style = "▎ ", st.Quote
		}
		blocks = append(blocks, b)
	}
	lines := m.markedBlocks(blocks, w)
	first := s.paras[0]
	ref := fmt.Sprintf("¶%d", first.Index+1)
	if n := len(s.paras); n > 1 {
		ref = fmt.Sprintf("¶%d–%d", first.Index+1, s.paras[n-1].Index+1)
	}
	return append(lines, "", st.Accent.Render(truncate(fmt.Sprintf("%d. %s · %s", s.chapter.Number, s.chapter.Title, ref), w)))
}

func (m *presentModel) questionLines(s step) []string {
	st, w := m.c.styles, m.column()
	var lines []string
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	add(st.Heading.Render(fmt.Sprintf("Discussion · question %d of %d", s.number, s.of)))
	add("")
	lines = append(lines, m.markedBlocksAt([]textBlock{{text: flatten(s.question.Text), style: st.Item.Bold(true)}}, w, len(lines))...)
	if p := s.question.Paragraph; p != nil {
		add("")
		add(st.Accent.Render(fmt.Sprintf("From ¶%d:", p.Index+1)))
		for _, l := range strings.Split(wrapText("“"+flatten(s.question.Quote)+"”", max(1, w-2)), "\n") {
			add(st.Accent.Render("▎") + " " + st.Quote.Render(l))
		}
	}
	if !m.timer.shown && !m.room.member() {
		add("")
		add(st.Item.Render(truncate("t starts a 5-minute timer; + and − change it", w)))
	}
	return lines
}

func (m *presentModel) quizLines(s step) []string {
	if m.room.member() {
		return m.memberQuizLines(s)
	}
	st, w, bank := m.c.styles, m.column(), m.c.pack.Quiz
	v := m.vote()
	sc := s.scenario
	var lines []string
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	add(st.Heading.Render(truncate(fmt.Sprintf("Quiz · scenario %d of %d", s.number, s.of), w)))
	add("")
	add(st.QuizText.Render(wrapText(flatten(sc.Text), w)))
	add("")
	add(st.Heading.Render(wrapText(bank.Question(), w)))
	var labels []string
	right := -1
	for i, c := range bank.Categories {
		labels = append(labels, c.Label)
		if c.ID == sc.Answer {
			right = i
		}
	}
	if !v.revealed {
		right = -1
	}
	lines = append(lines, m.roomTally(labels, v.cats, map[int]bool{right: true}, w, !v.revealed)...)
	if !v.revealed {
		add("")
		add(st.Item.Render(truncate("count hands with 1 and 2 · u undo · r reveal", w)))
		return lines
	}
	add("")
	m.revealAt = len(lines)
	add(st.Right.Render(wrapText("✓ "+bank.Categories[right].Label, w)))
	if m.asksSign(sc) {
		add("")
		add(st.Heading.Render(wrapText(bank.SignQuestion(), w)))
		var signs []string
		tagged := map[int]bool{}
		for i, sg := range bank.Signs {
			signs = append(signs, sg.Label)
			if v.signReveald && slices.Contains(sc.Signs, sg.ID) {
				tagged[i] = true
			}
		}
		lines = append(lines, m.roomTally(signs, v.signs, tagged, w, !v.signReveald)...)
		if !v.signReveald {
			add("")
			add(st.Item.Render(truncate("count hands with 1–9 and 0 · u undo · r reveal", w)))
			return lines
		}
		m.revealAt = len(lines) - len(signs) - 1
	}
	return append(lines, explanationLines(st, sc, w)...)
}

// tallyLines shows hands counted for each option as bars; the right
// options, once revealed, are marked ✓.
func (m presentModel) tallyLines(labels []string, counts []int, right map[int]bool, w int) []string {
	st := m.c.styles
	top := 1
	labelW := 0
	for i, l := range labels {
		top = max(top, counts[i])
		labelW = max(labelW, ansi.StringWidth(l))
	}
	labelW = min(labelW, max(6, w/2))
	barW := max(1, w-labelW-12)
	var out []string
	for i, l := range labels {
		mark := "  "
		style := st.Item
		if right[i] {
			mark, style = "✓ ", st.Right
		}
		name := truncate(l, labelW)
		name += strings.Repeat(" ", labelW-ansi.StringWidth(name))
		bar := strings.Repeat("█", counts[i]*barW/top)
		out = append(out, style.Render(fmt.Sprintf("%s%s %s", mark, optionKey(i), name))+" "+st.BarDone.Render(bar)+st.Item.Render(fmt.Sprintf(" %d", counts[i])))
	}
	return out
}

func (m presentModel) roomLines(s step) []string {
	st, w, bank := m.c.styles, m.column(), m.c.pack.Quiz
	var lines []string
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	add(st.Heading.Render(wrapText(fmt.Sprintf("The room on chapter %d", s.chapter.Number), w)))
	add("")
	voted, right := 0, 0
	for _, d := range m.deck {
		if d.kind != stepQuiz || d.chapter != s.chapter {
			continue
		}
		v := m.votes[d.scenario.ID]
		if m.room != nil {
			v = m.room.sync(&roomVote{cats: make([]int, len(bank.Categories)), signs: make([]int, len(bank.Signs))}, d.scenario)
		}
		if v == nil || sum(v.cats) == 0 {
			add(st.Item.Render(truncate(fmt.Sprintf("%d. not voted · %s", d.number, flatten(d.scenario.Text)), w)))
			continue
		}
		voted++
		top := 0
		for i, n := range v.cats {
			if n > v.cats[top] {
				top = i
			}
		}
		ok := bank.Categories[top].ID == d.scenario.Answer && !tie(v.cats)
		mark, style := "✗", st.Wrong
		if ok {
			right++
			mark, style = "✓", st.Right
		}
		hands := make([]string, len(v.cats))
		for i, n := range v.cats {
			hands[i] = fmt.Sprint(n)
		}
		add(style.Render(mark) + st.Item.Render(truncate(fmt.Sprintf(" %d. %s %s · %s", d.number, bank.Categories[top].Label, strings.Join(hands, "–"), flatten(d.scenario.Text)), w-2)))
	}
	add("")
	if voted == 0 {
		add(st.Item.Render(wrapText("No votes counted in this chapter.", w)))
	} else {
		add(st.Heading.Render(wrapText(fmt.Sprintf("The room's majority was right on %d of %d.", right, voted), w)))
	}
	return lines
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// tie reports whether the largest count is shared.
func tie(xs []int) bool {
	top, n := -1, 0
	for _, x := range xs {
		switch {
		case x > top:
			top, n = x, 1
		case x == top:
			n++
		}
	}
	return n > 1
}

// hangText wraps text after a prefix, later lines indented under the text.
func hangText(prefix, text string, w int) string {
	pw := ansi.StringWidth(prefix)
	body := strings.Split(wrapText(text, max(1, w-pw)), "\n")
	for i := range body {
		if i == 0 {
			body[i] = prefix + body[i]
		} else {
			body[i] = strings.Repeat(" ", pw) + body[i]
		}
	}
	return strings.Join(body, "\n")
}

// counter is the step counter: where in the chapter and the deck.
func (m presentModel) counter() string { return m.counterAt(m.at) }

// counterAt is the step counter of step at.
func (m presentModel) counterAt(at int) string {
	s := m.deck[at]
	first, last := at, at
	for first > 0 && m.deck[first-1].chapter == s.chapter {
		first--
	}
	for last+1 < len(m.deck) && m.deck[last+1].chapter == s.chapter {
		last++
	}
	return fmt.Sprintf("ch %d · %d/%d", s.chapter.Number, at-first+1, last-first+1)
}

func (m presentModel) View() string {
	w, h := m.c.width, m.c.height
	st := m.c.styles
	col := m.column()
	margin := strings.Repeat(" ", max(0, (w-col)/2))
	var b strings.Builder
	for range m.topGap() {
		b.WriteString("\n")
	}
	vis := m.body.visible()
	for i := 0; i < m.body.height; i++ {
		if i < len(vis) {
			b.WriteString(margin + vis[i])
		}
		b.WriteString("\n")
	}
	left := ""
	if p := m.body.position(); p != "" {
		left = st.Item.Render(" " + p + " · j/k")
	}
	if m.room != nil {
		left = m.room.status(st, m.body.position(), m.at, m.counterAt)
	}
	b.WriteString(spread(left, st.StatusInfo.Render(m.counter()+" "), w))
	base := b.String()
	if !m.timer.shown {
		return base
	}
	clock := m.timerView()
	x := max(0, w-lipgloss.Width(clock)-1)
	if m.bigTimer() {
		x = max(0, w-(w-col)/2+1) // in the right margin
	}
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(fit(base, w, h)),
		lipgloss.NewLayer(clock).X(x).Y(0).Z(1),
	).Render()
}

// timerView is the countdown: big digits where there is room, one line
// where there is not; at zero it turns over (reverse video) and says so.
func (m presentModel) timerView() string {
	st := m.c.styles
	t := m.timer
	secs := int((t.left + time.Second - 1) / time.Second)
	text := fmt.Sprintf("%d:%02d", secs/60, secs%60)
	style := st.Heading
	label := "paused"
	switch {
	case t.left <= 0:
		style = st.Wrong.Reverse(true)
		label = "time is up"
	case t.running:
		label = "discussion"
	}
	if !m.bigTimer() {
		return style.Render(" timer " + text + " " + map[bool]string{true: "· time is up ", false: ""}[t.left <= 0])
	}
	rows := bigText(text)
	bw := bigWidth(text)
	rows = append(rows, label+strings.Repeat(" ", max(0, bw-ansi.StringWidth(label))))
	for i, r := range rows {
		rows[i] = " " + r + " "
	}
	return style.Render(strings.Join(rows, "\n"))
}

// ShortHelp is the footer when shown with ?.
func (m presentModel) ShortHelp() []key.Binding {
	k := m.keys
	if m.room.member() {
		return nil
	}
	if m.step().kind == stepQuiz {
		return []key.Binding{k.Count, k.Undo, k.Reveal, k.Next, k.Timer, k.Help}
	}
	return []key.Binding{k.Next, k.Prev, k.Chapters, k.Timer, k.NextTerm, k.Help}
}

// FullHelp is every presenter key.
func (m presentModel) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Next, k.Prev, k.NextChapter, k.PrevChapter, k.Chapters},
		{k.Count, k.Undo, k.Reveal},
		{k.Timer, k.More, k.Less, k.Reset},
		{k.NextTerm, k.PrevTerm, k.Reveal, m.c.keys.Glossary},
		{k.Help, k.Quit, m.c.keys.Quit},
		m.room.roomHelp(m.c.keys.Room),
	}
}

// atStake says whether quitting would lose something the room did: hands
// counted or a timer running.
func (m presentModel) atStake() bool {
	if m.timer.running || m.room.facilitator() {
		return true
	}
	for _, v := range m.votes {
		if sum(v.cats) > 0 || sum(v.signs) > 0 {
			return true
		}
	}
	return false
}

// stakeText says what ending the presentation now would lose.
func (m presentModel) stakeText() string {
	if m.room.facilitator() {
		return m.room.stakeText()
	}
	var lost []string
	counted := 0
	for _, v := range m.votes {
		if sum(v.cats) > 0 || sum(v.signs) > 0 {
			counted++
		}
	}
	if counted > 0 {
		lost = append(lost, fmt.Sprintf("the room's votes on %d %s", counted, plural(counted, "scenario", "scenarios")))
	}
	if m.timer.running {
		lost = append(lost, "the running timer")
	}
	what := strings.Join(lost, " and ")
	if m.c.store != nil {
		return "The place, " + what + " are kept for next time (--profile " + m.c.profile + ")."
	}
	return "Without --profile, " + what + " will be lost."
}
