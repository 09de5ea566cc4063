package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"studyguide/content"
	"studyguide/progress"
	"studyguide/room"
)

// SessionOptions set up the program of one SSH connection to a served
// room: the join screen, then a member's view or the facilitator's.
type SessionOptions struct {
	Room *room.Room
	// Gate is this connection's tries at the code.
	Gate *room.Gate
	// Member is the seat the connection came back to with its key, nil
	// for none: the program starts on the member's view (Joined is not
	// called; the wiring has done what it does).
	Member *room.Member
	Deck   *Deck
	Info   JoinInfo
	// Key is the fingerprint of the connection's SSH key, "" without one:
	// the seat a reconnect finds again.
	Key string
	// Driver says the key may drive the room (--facilitator-key): no code
	// is asked, the facilitator's view comes at once.
	Driver bool
	// Joined is called once the connection has a seat; the wiring then
	// relays the member's changes to the program as RoomChangedMsg.
	Joined func(*room.Member)
	// Drive asks to drive the room: true when this connection now drives
	// (the wiring relays the room's changes to it). false when another
	// facilitator drives and force is false; force takes over, and the
	// other is sent DriverReplacedMsg.
	Drive func(force bool) bool
	// Farewell is called with what to print when the program ends (a
	// member's farewell is made by MemberFarewell instead).
	Farewell func(string)
	// Width and Height are the terminal's size at connect, so keys typed
	// before the first resize message are not taken for a tiny screen's.
	Width, Height int
	// HandOff ends the program once the connection drives the room, so
	// the wiring can run the facilitator's screen in a program of its own
	// (HandedOff gives its model), at the projector's frame rate rather
	// than the members'. Without it the facilitator's screen runs in this
	// program.
	HandOff bool
}

type stage int

const (
	stageCode     stage = iota // typing the room code
	stageName                  // typing a name (optional)
	stageTakeover              // asked whether to take over driving
	stageMember                // in the room as a member
	stageDriver                // driving the room
)

// sessionModel is the root of a connection's program.
type sessionModel struct {
	c     *common
	o     SessionOptions
	stage stage
	// input and driver are behind pointers: they are most of the model's
	// size, and Bubble Tea boxes the model on every message (a hundred
	// members' votes made 11 MB of garbage a burst when they were not)
	input  *textinput.Model
	notice string
	asking bool          // stageTakeover: asked, not just waiting for the answer
	member *memberScreen // a member's screen, from stageMember
	driver *Model        // the facilitator's program, from stageDriver
	// handingOff: the connection drives and the program ends so the
	// wiring runs the facilitator's screen in a program of its own.
	handingOff bool
}

// handOffGrace is how long the join program runs on once it hands off:
// keys already on their way to it (typed right after the code) reach the
// facilitator's model, which the next program takes over, rather than a
// program that has ended. The wiring keeps anything newer for the next
// program.
const handOffGrace = 50 * time.Millisecond

// quitAfterHandOff is made for each hand-off: a tea.Tick's timer starts
// when the command is made, and fires once.
func quitAfterHandOff() tea.Cmd {
	return tea.Tick(handOffGrace, func(time.Time) tea.Msg { return tea.QuitMsg{} })
}

// HandedOff gives the model to run next when a connection's program
// ended to hand the facilitator's screen to a program of its own
// (SessionOptions.HandOff); false when the program simply ended.
func HandedOff(final tea.Model) (tea.Model, bool) {
	m, ok := final.(sessionModel)
	if !ok || !m.handingOff {
		return nil, false
	}
	m.handingOff = false
	return m, true
}

// anonymity is said on the join screen, plainly.
const anonymity = "Your votes are anonymous: the room sees only the counts."

// NewSession builds the program of one SSH connection to a room.
func NewSession(pack *content.Pack, o SessionOptions) tea.Model {
	c := &common{pack: pack, keys: DefaultKeyMap(), theme: ThemeAuto, tick: tea.Tick,
		renders: newRenderCache(), progress: progress.New(), profile: ""}
	c.enableKeys()
	c.setDark(true)
	in := textinput.New()
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.Prompt = "Room code: "
	in.CharLimit = 16 // a facilitator code of 12 digits, in groups of four
	in.SetWidth(16)
	in.Focus()
	c.width, c.height = o.Width, o.Height
	m := sessionModel{c: c, o: o, input: &in}
	switch {
	case o.Driver:
		m.stage = stageTakeover // until Init asks to drive
	case o.Member != nil:
		m.stage = stageMember
		m.member = newMemberScreen(c, o.Deck, o.Member)
	}
	return m
}

// driveMsg asks to drive the room, from Init for a facilitator's key.
type driveMsg struct{}

func (m sessionModel) Init() tea.Cmd {
	if m.stage == stageDriver { // handed off: the facilitator's screen starts
		return m.driver.Init()
	}
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.o.Driver {
		cmds = append(cmds, func() tea.Msg { return driveMsg{} })
	}
	return tea.Batch(cmds...)
}

func (m sessionModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.stage == stageDriver {
		return m.driverUpdate(msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		if m.member != nil {
			return m, m.member.resize(msg.Width, msg.Height)
		}
		return m, nil
	case tea.BackgroundColorMsg:
		dark := msg.IsDark()
		m.c.termDark = &dark
		if m.c.toggled { // the member chose a theme with t: keep it
			return m, nil
		}
		m.c.setDark(dark)
		if m.member != nil {
			return m, m.member.resize(m.c.width, m.c.height)
		}
		return m, nil
	case driveMsg:
		return m.drive(false)
	case tea.PasteMsg:
		if m.stage == stageCode || m.stage == stageName {
			return m.paste(msg.Content)
		}
	case tea.KeyPressMsg:
		if key.Matches(msg, m.c.keys.Quit) {
			return m, tea.Quit
		}
		if m.c.width < minWidth || m.c.height < minHeight {
			return m, nil
		}
		switch m.stage {
		case stageCode, stageName:
			return m.joinKey(msg)
		case stageTakeover:
			return m.takeoverKey(msg)
		}
	}
	if m.member != nil {
		return m, m.member.update(msg)
	}
	return m, nil
}

// joinKey handles typing the code, then the name.
func (m sessionModel) joinKey(kp tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if kp.Code != tea.KeyEnter {
		var cmd tea.Cmd
		*m.input, cmd = m.input.Update(kp)
		return m, cmd
	}
	typed := m.input.Value()
	if m.stage == stageCode && strings.TrimSpace(typed) == "" {
		m.notice = "Type the room's code first, then enter." // an empty enter costs no try
		return m, nil
	}
	m.input.SetValue("")
	if m.stage == stageName {
		if _, ok := room.ParseSeatWord(typed); ok || room.LooksLikeSeatWord(typed) {
			return m.reclaim(typed)
		}
		return m.join(typed)
	}
	role, err := m.o.Gate.Check(typed)
	switch {
	case err == nil && role == room.AsFacilitator:
		return m.drive(false)
	case err == nil:
		m.stage, m.notice = stageName, ""
		if fv := m.o.Room.FacilitatorView(); fv.Present >= m.o.Room.MaxMembers() {
			m.notice = fmt.Sprintf("The room is full (%d members): only a member coming back to their seat can join.", m.o.Room.MaxMembers())
		}
		m.input.Prompt = "Your name: "
		m.input.CharLimit = 64
		m.input.SetWidth(room.MaxNameWidth + 1)
		return m, nil
	}
	return m.refused(err, "That is not the room's code")
}

// refused says why the gate turned a try down: try again, or leave.
func (m sessionModel) refused(err error, wrong string) (tea.Model, tea.Cmd) {
	switch {
	case errors.Is(err, room.ErrWrongCode), errors.Is(err, room.ErrNoSeat):
		left := m.o.Gate.Left()
		m.notice = fmt.Sprintf("%s: %d %s left.", wrong, left, plural(left, "try", "tries"))
		return m, nil
	case errors.Is(err, room.ErrBusy):
		m.notice = "Too many wrong codes were tried in this room just now, so it takes none for a minute. Wait, then try again; the facilitator has been told."
		return m, nil
	case errors.Is(err, room.ErrNoAttempts):
		return m.leave("Wrong three times. Ask the facilitator for the room's code, then connect again.")
	case errors.Is(err, room.ErrRateLimited):
		return m.leave("Too many wrong codes from this address; try again in a few minutes.")
	}
	return m.leave("The meeting has ended.")
}

// paste takes a paste into the code (its digits) or the name (on one
// line), as typing it would.
func (m sessionModel) paste(text string) (tea.Model, tea.Cmd) {
	if m.stage == stageCode {
		text = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, text)
	} else {
		text = room.CleanText(text)
	}
	var cmd tea.Cmd
	*m.input, cmd = m.input.Update(tea.PasteMsg{Content: text})
	return m, cmd
}

// join takes a new seat in the room (or, with the connection's key, its
// own).
func (m sessionModel) join(name string) (tea.Model, tea.Cmd) {
	me, err := m.o.Gate.Join(m.o.Key, name)
	switch {
	case errors.Is(err, room.ErrFull):
		return m.leave(fmt.Sprintf("The room is full (%d members).", m.o.Room.MaxMembers()))
	case err != nil:
		return m.leave("The meeting has ended.")
	}
	return m.seated(me)
}

// reclaim takes back the seat whose word was typed.
func (m sessionModel) reclaim(word string) (tea.Model, tea.Cmd) {
	me, err := m.o.Gate.Reclaim(word)
	if err != nil {
		return m.refused(err, "No seat in this room has that seat word")
	}
	return m.seated(me)
}

// seated starts a member's view on the seat the connection now holds.
func (m sessionModel) seated(me *room.Member) (tea.Model, tea.Cmd) {
	if m.o.Joined != nil {
		m.o.Joined(me)
	}
	m.stage, m.notice = stageMember, ""
	m.member = newMemberScreen(m.c, m.o.Deck, me)
	return m, nil
}

// drive makes this connection the facilitator's, or asks to take over.
func (m sessionModel) drive(force bool) (tea.Model, tea.Cmd) {
	if m.o.Drive == nil || !m.o.Drive(force) {
		m.stage, m.asking = stageTakeover, true
		return m, nil
	}
	m.farewell("You left the driver's seat; the room goes on. Join again with the facilitator code to drive.")
	m.stage = stageDriver
	driver := New(m.c.pack, Options{Present: true, Theme: ThemeAuto,
		Room: &RoomOptions{Room: m.o.Room, Deck: m.o.Deck, Info: m.o.Info, Driver: true}})
	next, _ := driver.Update(tea.WindowSizeMsg{Width: m.c.width, Height: m.c.height})
	driver = next.(Model)
	m.driver = &driver
	if m.o.HandOff {
		m.handingOff = true
		return m, quitAfterHandOff()
	}
	return m, m.driver.Init()
}

func (m sessionModel) takeoverKey(kp tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(kp, m.c.keys.Confirm.Yes):
		return m.drive(true)
	case key.Matches(kp, m.c.keys.Confirm.No):
		return m.leave("You left the room to the facilitator driving it.")
	}
	return m, nil
}

// driverUpdate hands a message to the facilitator's program, after
// seeing whether this connection still drives a room that is open.
func (m sessionModel) driverUpdate(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case DriverReplacedMsg:
		return m.leave("Another facilitator took over driving the room.")
	case RoomChangedMsg:
		if m.o.Room.FacilitatorView().Closed {
			return m.leave("The meeting has ended.")
		}
	}
	next, cmd := m.driver.Update(msg)
	*m.driver = next.(Model)
	return m, cmd
}

// leave ends the program with a line for after it.
func (m sessionModel) leave(text string) (tea.Model, tea.Cmd) {
	m.farewell(text)
	return m, tea.Quit
}

func (m sessionModel) farewell(text string) {
	if m.o.Farewell != nil {
		m.o.Farewell(text)
	}
}

func (m sessionModel) View() tea.View {
	if m.stage == stageDriver {
		return m.driver.View()
	}
	v := tea.NewView(m.frame())
	v.AltScreen = true
	if m.stage == stageMember { // on the join screen the mouse sends nothing worth reading
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "studyguide · the room"
	if m.c.paint() { // a theme the terminal's own page may not match (t)
		v.BackgroundColor, v.ForegroundColor = m.c.styles.Page, m.c.styles.Text
	}
	return v
}

func (m sessionModel) frame() string {
	w, h := m.c.width, m.c.height
	switch {
	case w <= 0 || h <= 0:
		return ""
	case w < minWidth || h < minHeight:
		return tooSmallView(w, h)
	case m.member != nil:
		return m.member.view()
	}
	return fit(m.joinView(), w, h)
}

// joinView is the join screen: the code, then the name, then a word on
// anonymity; or the question whether to take over driving.
func (m sessionModel) joinView() string {
	st, w := m.c.styles, min(m.c.width-2, 64)
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	add(st.Heading.Render(truncate("studyguide · the room", w)))
	add(st.Item.Render(wrapText(m.c.pack.Meta.Title, w)))
	add("")
	switch m.stage {
	case stageTakeover:
		if !m.asking {
			add(st.Item.Render("Joining as the facilitator…"))
			return center(lines, m.c.width, m.c.height)
		}
		add(st.Item.Render(wrapText("Another facilitator is driving the room. Take over? They will be told.", w)))
		add("")
		add(st.Heading.Render("y take over · n leave"))
		return center(lines, m.c.width, m.c.height)
	case stageCode:
		add(st.Item.Render(wrapText("Type the room's code, as the facilitator's screen shows it, then enter.", w)))
	case stageName:
		add(st.Item.Render(wrapText("Your name, as the facilitator's list of who is here shows it (optional: enter alone joins as “member N”). Back after a drop? Type your seat word instead.", w)))
	}
	add("")
	add(truncate(m.input.View(), w))
	if m.notice != "" {
		add(st.Error.Render(wrapText(m.notice, w)))
	}
	add("")
	add(st.Accent.Render(wrapText(anonymity, w)))
	add(st.Dim.Render(truncate("enter go on · ctrl+c leave", w)))
	return center(lines, m.c.width, m.c.height)
}

// center puts lines in the middle of a screen, the block left-aligned.
func center(lines []string, w, h int) string {
	bw := 0
	for _, l := range lines {
		bw = max(bw, lipgloss.Width(l))
	}
	pad := strings.Repeat(" ", max(0, (w-bw)/2))
	top := max(0, (h-len(lines))/3)
	out := make([]string, 0, top+len(lines))
	for range top {
		out = append(out, "")
	}
	for _, l := range lines {
		out = append(out, pad+l)
	}
	return strings.Join(out, "\n")
}

// centerOver draws a popup centred over a page, inside the screen.
func centerOver(base, popup string, w, h int) string {
	x := max(0, (w-lipgloss.Width(popup))/2)
	y := max(0, (h-lipgloss.Height(popup))/2)
	return lipgloss.NewCompositor(lipgloss.NewLayer(base), lipgloss.NewLayer(popup).X(x).Y(y).Z(1)).Render()
}
