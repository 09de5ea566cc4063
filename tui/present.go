package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/meeting"
)

// presentModel is the presenter: the essay for a projector, one step at a
// time — title cards, passages, discussion questions, and the quiz as a room
// exercise with hands counted before the answer is revealed — with a
// countdown for discussion.
type presentModel struct {
	c    *common
	keys PresentKeys
	md   *meeting.Deck // the deck as the room and the other doors know it
	deck []step        // md's steps, in the presenter's terms
	at   int
	body scroller
	// explained are the quiz items whose explanation the presenter has
	// shown, by scenario ID: the stage after the room's reveals.
	explained map[string]bool
	timer     countdown
	// terms are the glossary terms marked on the step; focus is the one Tab
	// reached, -1 for none.
	terms []stepTerm
	focus int
	// pinned are lines kept above the scrolling body: a quiz step's
	// scenario, which the room must see through every stage.
	pinned []string
	// tmode is where the timer is drawn at this size (see chooseTimer).
	tmode timerMode
	// perChapter and seed are what the deck was built with.
	perChapter int
	seed       int64
	// room is the presenter's side of its room (roomside.go): its own, the
	// served room it drives, or a member's seat.
	room roomSide
	// revealAt is the first line of what a member's quiz step just revealed.
	revealAt int
	// wide is how wide a title card is laid out when wider than the
	// column (a large QR code), 0 otherwise.
	wide int
	// voteEnd is the body's last line of a member's open sign vote, -1 for
	// none; laidOut is the size the step was last laid out at. At a new
	// size the vote's end is scrolled back on screen.
	voteEnd int
	laidOut [2]int
}

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

func newPresent(c *common, chapter, perChapter int, seed int64, ro *RoomOptions) presentModel {
	m := presentModel{c: c, keys: c.keys.Present, explained: map[string]bool{},
		focus: -1, timer: countdown{set: defaultTimer, left: defaultTimer}, perChapter: perChapter, seed: seed}
	m.attachRoom(ro)
	for i, s := range m.deck {
		if s.Kind == meeting.Title && s.Chapter.Number == chapter {
			m.at = i
			break
		}
	}
	m.layout()
	return m
}

func (m presentModel) step() step { return m.deck[m.at] }

func (m presentModel) Update(msg tea.Msg) (presentModel, tea.Cmd) {
	switch msg := msg.(type) {
	case timerTickMsg:
		if msg.gen != m.timer.gen || !m.timer.running {
			return m, nil
		}
		m.timer.left -= time.Second
		if m.timer.left <= 0 {
			m.timer.left, m.timer.running = 0, false
			m.room.shareTimer(m.timer)
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
	case RoomChangedMsg: // a member came or went, a vote came in
		m.room.refresh()
		m.layout()
		return m, nil
	case chapterAction: // from the chapter list
		m.goTo(m.chapterStart(msg.chapter))
		m.layout()
		m.record()
		return m, nil
	case tea.KeyPressMsg:
		mm, cmd := m.key(msg)
		mm.record()                  // with --profile: where the room is, for next time
		mm.room.shareTimer(mm.timer) // members' screens show the timer too
		return mm, cmd
	}
	return m, nil
}

// popupKey handles the keys that end the presentation or open a popup
// over it: q (asking first when ending loses something), ? and the
// glossary. false for any other key.
func (m presentModel) popupKey(kp tea.KeyPressMsg) (tea.Cmd, bool) {
	c := m.c
	switch {
	case key.Matches(kp, m.keys.Quit):
		if stake, what := m.atStake(); stake {
			return show(func() overlay { return newConfirmOverlay(c, "End the presentation?", what, quitAction{}) }), true
		}
		m.record()
		return tea.Quit, true
	case key.Matches(kp, m.keys.Help):
		help := m.FullHelp()
		return show(func() overlay { return newHelpOverlay(c, help) }), true
	case key.Matches(kp, c.keys.Glossary) && c.pack.Glossary != nil:
		return show(func() overlay { return newIndexOverlay(c) }), true
	}
	return nil, false
}

func (m presentModel) key(kp tea.KeyPressMsg) (presentModel, tea.Cmd) {
	k := m.keys
	s := m.step()
	if cmd, ok := m.room.key(kp); ok {
		return m, cmd
	}
	if cmd, ok := m.popupKey(kp); ok {
		return m, cmd
	}
	c := m.c
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
		if s.Kind == meeting.Quiz && m.reveal() {
			return m.showReveal(), nil // the first presses reveal, then move on
		}
		m.goTo(m.at + 1)
	case key.Matches(kp, k.Prev):
		m.goTo(m.at - 1)
	case key.Matches(kp, k.NextChapter):
		m.goTo(m.chapterStart(s.Chapter.Number + 1))
	case key.Matches(kp, k.PrevChapter):
		n := s.Chapter.Number
		if m.at == m.chapterStart(n) {
			n--
		}
		m.goTo(m.chapterStart(n))
	case key.Matches(kp, k.Chapters):
		n := s.Chapter.Number
		return m, show(func() overlay { return newChapterPicker(c, n) })
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
		if s.Kind == meeting.Quiz {
			if m.reveal() {
				return m.showReveal(), nil
			}
		} else if m.focus >= 0 && m.focus < len(m.terms) {
			t := m.terms[m.focus].term
			return m, func() tea.Msg { return openTermMsg{term: t} }
		}
	case key.Matches(kp, k.Undo) && s.Kind == meeting.Quiz:
		m.undoHand()
	case key.Matches(kp, k.Undo) && s.Kind == meeting.Quiz:
		m.undoHand()
	case s.Kind == meeting.Quiz && isDigit(kp):
		m.count(digitOption(kp))
	default:
		m.body.scroll(kp, m.c.keys.Reader)
		return m, nil
	}
	m.layout()
	return m, nil
}

// showReveal lays out a just-revealed stage from its top.
func (m presentModel) showReveal() presentModel {
	m.layout()
	m.body.offset = 0
	return m
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
func (m *presentModel) goTo(i int) {
	i = max(0, min(len(m.deck)-1, i))
	if i != m.at {
		m.at, m.focus = i, -1
		m.body.offset = 0
		m.room.moved(m.md, i)
		if s := m.step(); m.c.store != nil {
			para := ""
			if len(s.Paras) > 0 {
				para = s.Paras[0].ID
			} else if ps := s.Chapter.Paragraphs(); len(ps) > 0 {
				para = ps[0].ID
			}
			m.c.progress.SetPosition(s.Chapter.Number, para)
		}
	}
}

// chapterStart is the title card of chapter n (kept inside the pack).
func (m presentModel) chapterStart(n int) int {
	n = max(1, min(len(m.c.pack.Chapters), n))
	for i, s := range m.deck {
		if s.Kind == meeting.Title && s.Chapter.Number == n {
			return i
		}
	}
	return m.at
}

// column is the width of the presenter's text: narrow and centred, with
// generous margins, so the terminal's font can be made large.
func (m presentModel) column() int {
	w := m.c.width
	margin := max(1, w/10)
	return max(1, min(64, w-2*margin))
}

func (m *presentModel) passageLines(s step) []string {
	st, w := m.c.styles, m.column()
	var blocks []textBlock
	for _, p := range s.Paras {
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
	first := s.Paras[0]
	ref := fmt.Sprintf("¶%d", first.Index+1)
	if n := len(s.Paras); n > 1 {
		ref = fmt.Sprintf("¶%d–%d", first.Index+1, s.Paras[n-1].Index+1)
	}
	return append(lines, "", st.Accent.Render(truncate(fmt.Sprintf("%d. %s · %s", s.Chapter.Number, s.Chapter.Title, ref), w)))
}

func (m *presentModel) questionLines(s step) []string {
	st, w := m.c.styles, m.column()
	var lines []string
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	add(st.Heading.Render(truncate(fmt.Sprintf("Discussion · question %d of %d", s.Number, s.Of), w)))
	add("")
	lines = append(lines, m.markedBlocksAt([]textBlock{{text: flatten(s.Question.Text), style: st.Item.Bold(true)}}, w, len(lines))...)
	if p := s.Question.Paragraph; p != nil {
		add("")
		add(st.Accent.Render(fmt.Sprintf("From ¶%d:", p.Index+1)))
		for _, l := range strings.Split(wrapText("“"+flatten(s.Question.Quote)+"”", max(1, w-2)), "\n") {
			add(st.Accent.Render("▎") + " " + st.Quote.Render(l))
		}
	}
	if !m.timer.shown && m.room.timerHint() {
		add("")
		add(st.Item.Render(truncate("t starts a 5-minute timer; + and − change it", w)))
	}
	return lines
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
	for first > 0 && m.deck[first-1].Chapter == s.Chapter {
		first--
	}
	for last+1 < len(m.deck) && m.deck[last+1].Chapter == s.Chapter {
		last++
	}
	return fmt.Sprintf("ch %d · %d/%d", s.Chapter.Number, at-first+1, last-first+1)
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
		m.room.help(m.c.keys.Room),
	}
}

// atStake says whether ending the presentation now would lose something
// or end something for others, and what.
func (m presentModel) atStake() (bool, string) { return m.room.atStake(&m) }
