package tui

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
)

// A served room (studyguide serve) puts the presenter on every screen: the
// facilitator's drives the room, each member's shows the room's step at
// the member's own size. presentModel reaches the room through one
// optional field, a *roomLink; its methods are safe on nil, so the
// presenter's hooks are one line each.

// RoomChangedMsg tells a program in a served room that the room may have
// changed. The wiring sends it whenever the room's change channel fires;
// the program then reads one fresh view.
type RoomChangedMsg struct{}

// Relay sends p a RoomChangedMsg for each change a room's channel signals,
// then once more when the channel closes so the program sees why. The room
// never waits on this: a stalled program holds up only its own relay,
// which then reads one fresh view when it catches up.
func Relay(changes <-chan struct{}, p interface{ Send(tea.Msg) }) {
	for range changes {
		p.Send(RoomChangedMsg{})
	}
	p.Send(RoomChangedMsg{})
}

// DriverReplacedMsg tells a facilitator driving over SSH that another
// facilitator has taken over.
type DriverReplacedMsg struct{}

// JoinInfo is how members join a room.
type JoinInfo struct {
	// Hosts are addresses members can reach the server at, likeliest first.
	Hosts []string
	Port  int
	// Code is the member code.
	Code string
	// Fingerprint is the server's host key (SHA256:…), for members to check.
	Fingerprint string
	// Web are the addresses members' browsers join at
	// ("http://192.168.1.23:8080/"), likeliest first; none without the
	// web door.
	Web []string
}

// Command is what a member types to join at the first host.
func (j JoinInfo) Command() string {
	host := "localhost"
	if len(j.Hosts) > 0 {
		host = j.Hosts[0]
	}
	return j.CommandFor(host)
}

// CommandFor is what a member types to join at one host.
func (j JoinInfo) CommandFor(host string) string {
	if strings.Contains(host, ":") { // an IPv6 address
		host = "[" + host + "]"
	}
	if j.Port == 22 || j.Port == 0 {
		return "ssh " + host
	}
	return fmt.Sprintf("ssh -p %d %s", j.Port, host)
}

// Deck is a presentation's steps, built once and shared read-only by the
// facilitator's program and every member's, so a step's index means the
// same step on every screen.
type Deck struct {
	meeting *meeting.Deck
	steps   []step
	// layouts are members' layouts of steps that look the same on every
	// member's screen of a size and theme (title cards, passages,
	// questions), so a step shown to a room is laid out once per size.
	layouts sync.Map // layoutKey → layoutEntry, partKey → []string
	count   atomic.Int32
}

type layoutKey struct {
	at, width int
	style     string
}

type layoutEntry struct {
	lines []string
	terms []stepTerm
}

// maxLayouts bounds the shared layouts (steps × sizes × themes).
const maxLayouts = 8192

// partKey names a part of a member's quiz step laid out the same on every
// screen of a width and theme.
type partKey struct {
	part      string
	at, width int
	style     string
}

// part is a shared part of a step's lines, made once by build; the lines
// are read-only. A nil deck makes them every time.
func (d *Deck) part(k partKey, build func() []string) []string {
	if d == nil {
		return build()
	}
	if v, ok := d.layouts.Load(k); ok {
		return v.([]string)
	}
	lines := build()
	if d.count.Load() < maxLayouts {
		d.count.Add(1)
		d.layouts.Store(k, lines)
	}
	return lines
}

// DeckOf is a meeting's deck for the terminal's screens: the same steps,
// so a step's index means the same on every screen, a browser's too.
func DeckOf(md *meeting.Deck) *Deck { return &Deck{meeting: md, steps: stepsOf(md)} }

// Start is the room's step for chapter n's title card (the first chapter
// when there is no chapter n).
func (d *Deck) Start(chapter int) room.Step { return d.meeting.RoomStep(d.meeting.Start(chapter)) }

// Len is how many steps the deck has.
func (d *Deck) Len() int { return len(d.steps) }

// Step is step i as the room keeps it.
func (d *Deck) Step(i int) room.Step { return d.meeting.RoomStep(i) }

// Meeting is the deck as package meeting has it, for the other doors.
func (d *Deck) Meeting() *meeting.Deck { return d.meeting }

// RoomOptions serve the presenter to a room.
type RoomOptions struct {
	Room *room.Room
	// Deck is the presentation every screen shares.
	Deck *Deck
	Info JoinInfo
	// Driver says the facilitator drives a headless room over SSH: leaving
	// gives up the driver's seat and the room goes on.
	Driver bool
}

// roomLink is a presenter's way into the room: the facilitator's (r) or
// one member's (me).
type roomLink struct {
	r      *room.Room
	served bool // r is served to members (not a presenter's own room)
	me     *room.Member
	c      *common
	deck   *Deck // a member's: the shared layouts
	info   JoinInfo
	driver bool
	fv     room.FacilitatorView
	mv     room.MemberView
	// A member's choice on the step's open vote: cursor is the option the
	// arrows reached (-1: none, nothing is preselected) on step cursorAt;
	// choiceLine is the body line of the first option.
	cursor, cursorAt, choiceLine int
	// lastPhase is the phase of the member's item last laid out, so a
	// reveal scrolls to the answer once.
	lastPhase room.Phase
	// notice is a short word for a member (a vote refused).
	notice string
	// clockAt is the room's timer a member's screen ticks for.
	clockAt time.Time
	// wordShown says a member's status line shows their seat word: from
	// joining until their first key, so it is not on screen all meeting
	// for anyone beside them to read (? shows it again).
	wordShown bool
}

// facilitator says the link drives a room: a served one, or the plain
// presenter's own (where its hands are counted).
func (l *roomLink) facilitator() bool { return l != nil && l.r != nil }

// servedRoom says the link drives a room members are in: the screen says
// how to join, who is here, how many voted, and never the split.
func (l *roomLink) servedRoom() bool { return l.facilitator() && l.served }
func (l *roomLink) member() bool     { return l != nil && l.me != nil }

// attachRoom puts the presenter in its room: the served one (on the shared
// deck), or, for a plain presentation, a room of its own with nobody in
// it, where its hands are counted: the room is the one place votes live.
// Nothing is shown to the room until showRoom.
func (m *presentModel) attachRoom(o *RoomOptions) {
	if o == nil || o.Room == nil {
		own, err := room.New(room.Config{Pack: m.c.pack})
		if err != nil {
			return // no random source: a presentation without hands
		}
		o = &RoomOptions{Room: own}
		m.room = &roomLink{r: own, c: m.c, cursor: -1}
		return
	}
	m.room = &roomLink{r: o.Room, served: true, c: m.c, info: o.Info, driver: o.Driver, cursor: -1}
	if o.Deck != nil {
		m.md, m.deck = o.Deck.meeting, o.Deck.steps
	}
	m.at = max(0, min(m.at, len(m.deck)-1))
}

// showRoom starts the room on the presenter's step, or the presenter on
// the room's, when a served room has one already (a driver joining a
// meeting under way).
func (m *presentModel) showRoom() {
	if m.room.servedRoom() {
		if fv := m.room.r.FacilitatorView(); fv.Step.Chapter != 0 && fv.Step.Index < len(m.deck) {
			m.at = fv.Step.Index
		}
	}
	m.room.moved(m.md, m.at)
	m.layout()
}

// moved tells the room about a step change: the facilitator shows it to
// the room; a member goes there on their own.
func (l *roomLink) moved(deck *meeting.Deck, i int) {
	switch {
	case l.facilitator():
		_ = l.r.Show(deck.RoomStep(i))
		l.fv = l.r.FacilitatorView()
	case l.member():
		l.me.Goto(deck.RoomStep(i))
		l.mv = l.me.View()
		l.notice = ""
	}
}

// shareTimer tells the room of the facilitator's timer (members' screens
// show it); the room ignores what has not changed.
func (l *roomLink) shareTimer(t countdown) {
	if l.servedRoom() {
		l.r.SetTimer(t.shown, t.running, t.left)
	}
}

// clock is the room's timer as a member's status line shows it: "⏱ 4:32",
// "" when the facilitator has not started one.
func (l *roomLink) clock() string {
	t := l.mv.Timer
	if !t.Shown {
		return ""
	}
	left := t.Remaining(time.Now())
	s := fmt.Sprintf("⏱ %d:%02d", int(left/time.Minute), int(left%time.Minute/time.Second))
	if !t.Running && left > 0 {
		s += " paused"
	}
	return s
}

// item is the viewer's view of a quiz item the room has shown.
func (l *roomLink) item(id string) (room.ItemView, bool) {
	if l.facilitator() {
		return l.r.Item(id)
	}
	return l.me.Item(id)
}

// voteOf is the room's vote on a scenario as the presenter shows it: the
// tallies (members and hands together) once revealed; before, the hands
// alone, counted in the open (a member's view has none). explained is the
// presenter's own last stage, after the room's reveals.
func (l *roomLink) voteOf(bank *content.QuizBank, sc *content.Scenario, explained bool) *roomVote {
	v := &roomVote{cats: make([]int, len(bank.Categories)), signs: make([]int, len(bank.Signs)), explained: explained}
	iv, ok := l.item(sc.ID)
	if !ok {
		return v
	}
	v.revealed, v.signRevealed = iv.Category.Revealed, iv.Sign.Revealed
	fill := func(dst []int, p room.Poll) {
		if p.Revealed {
			for i, c := range p.Tally {
				dst[i] = c.Total()
			}
			return
		}
		copy(dst, p.HandsBy)
	}
	fill(v.cats, iv.Category)
	fill(v.signs, iv.Sign)
	return v
}

// hand adds a raised hand for option i of the item's open vote.
func (l *roomLink) hand(bank *content.QuizBank, sc *content.Scenario, i int) {
	iv, ok := l.item(sc.ID)
	if !l.facilitator() || !ok {
		return
	}
	switch {
	case !iv.Category.Revealed && i < len(bank.Categories):
		_ = l.r.AddHand(sc.ID, bank.Categories[i].ID)
	case iv.Sign.Open && i < len(bank.Signs):
		_ = l.r.AddHand(sc.ID, bank.Signs[i].ID)
	}
}

func (l *roomLink) undo(sc *content.Scenario) {
	if l.facilitator() {
		l.r.UndoHand(sc.ID)
	}
}

// reveal locks and reveals the item's open vote in the room. decided says
// the room settled it: it revealed something (done), or this is a
// member's screen, where nothing is revealed; otherwise the presenter
// goes on to its own next stage.
func (l *roomLink) reveal(sc *content.Scenario) (done, decided bool) {
	switch {
	case l.facilitator() && l.r.Reveal(sc.ID):
		return true, true
	case l.member():
		return false, true
	}
	return false, false
}

// roomTally is the presenter's tally of a vote: bars once revealed; in a
// room before that only the options and how many have voted, never the
// split.
func (m presentModel) roomTally(labels []string, counts []int, right map[int]bool, w int, pending bool) []string {
	if !m.room.servedRoom() || !pending {
		return m.tallyLines(labels, counts, right, w)
	}
	st := m.c.styles
	var out []string
	for i, l := range labels {
		out = append(out, st.Item.Render(truncate(fmt.Sprintf("  %s %s", optionKey(i), l), w)))
	}
	return append(out, "", m.roomVoted(w))
}

// roomVoted is how many have voted on the vote open now ("3 of 5 voted · 2
// hands"), never how.
func (m presentModel) roomVoted(w int) string {
	iv, _ := m.room.item(m.step().scenario.ID)
	p := iv.Category
	if iv.Category.Revealed {
		p = iv.Sign
	}
	said := fmt.Sprintf("%d of %d voted", p.Voted, p.Of)
	if p.Hands > 0 {
		said += fmt.Sprintf(" · %d %s", p.Hands, plural(p.Hands, "hand", "hands"))
	}
	return m.c.styles.Heading.Render(truncate(said, w))
}

// roomKey handles the facilitator's room keys; false for any other key.
func (m presentModel) roomKey(kp tea.KeyPressMsg) (presentModel, tea.Cmd, bool) {
	if !m.room.servedRoom() {
		return m, nil, false
	}
	k := m.c.keys.Room
	switch {
	case key.Matches(kp, k.Join):
		info := m.room.info
		return m, func() tea.Msg { return joinCardMsg{info} }, true
	case key.Matches(kp, k.Who):
		title, text := m.room.whoText()
		return m, func() tea.Msg { return roomOverlayMsg{title, text} }, true
	}
	return m, nil, false
}

// roomOverlayMsg asks the root to show a message about the room.
type roomOverlayMsg struct{ title, text string }

// joinCardMsg asks the root to show how to join, on the whole screen.
type joinCardMsg struct{ info JoinInfo }

// roomMsg handles the room's messages in the facilitator's program.
func (m Model) roomMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case RoomChangedMsg:
		if l := m.present.room; l.facilitator() {
			l.fv = l.r.FacilitatorView()
			m.present.layout()
		}
	case roomOverlayMsg:
		m.overlays = append(m.overlays, newMessageOverlay(m.c, msg.title, msg.text))
	case joinCardMsg:
		m.overlays = append(m.overlays, newJoinOverlay(m.c, msg.info))
	}
	return m, nil
}

func (l *roomLink) whoText() (string, string) {
	fv := l.fv
	if fv.Present == 0 {
		return "In the room", "Nobody has joined yet. Press j to see how to join."
	}
	return fmt.Sprintf("In the room (%d)", fv.Present), strings.Join(fv.Names, "\n")
}

// titleCard is a title card in a room: on the facilitator's screen with
// how to join above the chapter (chapter lays it out at a width); with a
// web door, a QR code members' phones scan, beside the rest when the
// screen is wide enough, above it when not.
func (l *roomLink) titleCard(st *Styles, w int, chapter func(w int) []string) []string {
	if !l.servedRoom() {
		return chapter(w)
	}
	i := l.info
	ssh := "or in a terminal:\n" + i.Command()
	var qr []string
	big := false
	if len(i.Web) > 0 {
		link := i.Web[0] + "?code=" + i.Code
		// twice the size where the screen has the room: a projector at a
		// small font shows many cells, each of them small
		n := qrModules(link)
		big = l.c != nil && l.c.height-6 >= n+2 && l.c.width >= 2*n+4
		qr = qrLines(link, st.IsDark, big)
	}
	if len(qr) == 0 { // no web door: the ssh line
		line := fmt.Sprintf("Join: %s · code %s", i.Command(), room.FormatCode(i.Code))
		lines := strings.Split(st.Heading.Render(wrapText(line, w)), "\n")
		if i.Fingerprint != "" {
			lines = append(lines, strings.Split(st.Dim.Render(wrapText("server key "+i.Fingerprint, w)), "\n")...)
		}
		return append(append(lines, ""), chapter(w)...)
	}
	qw := lipgloss.Width(qr[0])
	join := func(w int) []string {
		var lines []string
		add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
		add(st.Heading.Render(wrapText("Join: scan the code, or open", w)))
		add(st.Heading.Render(truncate(i.Web[0], w)))
		add(st.Heading.Render(truncate("code "+room.FormatCode(i.Code), w)))
		add(st.Item.Render(wrapText(ssh, w)))
		if i.Fingerprint != "" {
			add(st.Dim.Render(wrapText("server key "+i.Fingerprint, w)))
		}
		return lines
	}
	if rw := w - qw - 2; rw >= 24 && !big { // side by side: the code, then what to type and the chapter
		right := append(append(join(rw), ""), chapter(rw)...)
		lines := make([]string, max(len(qr), len(right)))
		for k := range lines {
			left := strings.Repeat(" ", qw)
			if k < len(qr) {
				left = qr[k]
			}
			r := ""
			if k < len(right) {
				r = right[k]
			}
			lines[k] = left + "  " + r
		}
		return lines
	}
	// stacked: the code and the address right under the QR code, so a
	// projector's small screen shows them with it
	under := strings.Split(st.Heading.Render(wrapText("code "+room.FormatCode(i.Code)+" · "+i.Web[0], w)), "\n")
	under = append(under, strings.Split(st.Item.Render(wrapText(ssh, w)), "\n")...)
	if i.Fingerprint != "" {
		under = append(under, strings.Split(st.Dim.Render(wrapText("server key "+i.Fingerprint, w)), "\n")...)
	}
	return append(append(append(qr, under...), ""), chapter(w)...)
}

// status is the left of the status line in a room: the facilitator sees
// how many are in the room, a member whether they follow the room.
func (l *roomLink) status(st *Styles, scrolled string, at int, counter func(int) string) string {
	// a narrow screen (a member's phone, a split window) gets the short words
	narrow := l.c != nil && l.c.width < 64
	var parts []string
	warning := ""
	if l.facilitator() {
		if d := l.fv.Door; d.Paused || d.WrongCodes >= guessingAt {
			warning = doorWarning(d, narrow)
		}
	}
	switch {
	case !l.facilitator() && l.mv.DriverLeft:
		parts = append(parts, "the facilitator left · the room waits")
	case l.facilitator() && narrow:
		parts = append(parts, fmt.Sprintf("%d in the room", l.fv.Present))
	case l.facilitator() && warning != "": // the warning takes the keys' place
		parts = append(parts, fmt.Sprintf("%d in the room", l.fv.Present))
	case l.facilitator():
		parts = append(parts, fmt.Sprintf("%d in the room", l.fv.Present), "j join · w who")
	case l.notice != "":
		parts = append(parts, l.notice)
	case l.mv.Following && narrow && l.wordShown:
		parts = append(parts, "following · seat "+l.me.SeatWord())
	case l.mv.Following && narrow:
		parts = append(parts, "following")
	case l.mv.Following && l.wordShown:
		parts = append(parts, "following the room · seat word "+l.me.SeatWord())
	case l.mv.Following:
		parts = append(parts, "following the room")
	case narrow:
		parts = append(parts, "on your own · f follows")
	default:
		parts = append(parts, "on your own · f follows the room (at "+counter(l.mv.RoomStep.Index)+")")
	}
	if c := l.clock(); c != "" && !l.facilitator() {
		parts = append(parts, c)
	}
	switch {
	case scrolled != "" && narrow:
		parts = append(parts, scrolled)
	case scrolled != "" && l.facilitator():
		parts = append(parts, scrolled+" ↑/↓") // j shows how to join
	case scrolled != "":
		parts = append(parts, scrolled+" j/k") // ↑/↓ choose on an open vote
	}
	if warning != "" { // after the count, which it must not push off the line
		parts = append(parts, warning)
	}
	return st.Item.Render(" " + strings.Join(parts, " · "))
}

// guessingAt is how many wrong codes in the room's window make the
// facilitator's screen say someone may be guessing the code.
const guessingAt = 10

// doorWarning tells the facilitator that someone is guessing the code.
func doorWarning(d room.Door, narrow bool) string {
	switch {
	case d.Paused && narrow:
		return "⚠ code guessing: joins paused"
	case d.Paused:
		return fmt.Sprintf("⚠ %d wrong codes: someone is guessing, joins paused", d.WrongCodes)
	case narrow:
		return fmt.Sprintf("⚠ %d wrong codes", d.WrongCodes)
	}
	return fmt.Sprintf("⚠ %d wrong codes in 10 min: someone may be guessing", d.WrongCodes)
}

// stakeText says what ending the presentation does to the room.
func (l *roomLink) stakeText() string {
	n := l.r.FacilitatorView().Present
	if l.driver {
		return "You leave the driver's seat; the room goes on. Join again with the facilitator code to drive."
	}
	who := "Nobody is in the room."
	if n > 0 {
		who = fmt.Sprintf("The %d %s in the room will be sent home.", n, plural(n, "member", "members"))
	}
	return "This ends the meeting. " + who + " The meeting record is written when the server stops."
}

// roomHelp is the facilitator's room keys, for the full help.
func (l *roomLink) roomHelp(k RoomKeys) []key.Binding {
	if !l.servedRoom() {
		return nil
	}
	return []key.Binding{k.Join, k.Who}
}
