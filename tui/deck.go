package tui

// What a served room's screens share: the deck of steps (meeting's, with
// the layouts members' screens share), how to join, and the messages the
// doors send a program.

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"studyguide/meeting"
	"studyguide/room"
)

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

// DeckOf is a meeting's deck for the terminal's screens: meeting's steps,
// so a step's index means the same on every screen, a browser's too.
func DeckOf(md *meeting.Deck) *Deck { return &Deck{meeting: md} }

// Start is the room's step for chapter n's title card (the first chapter
// when there is no chapter n).
func (d *Deck) Start(chapter int) room.Step { return d.meeting.RoomStep(d.meeting.Start(chapter)) }

// Len is how many steps the deck has.
func (d *Deck) Len() int { return d.meeting.Len() }

// Step is step i as the room keeps it.
func (d *Deck) Step(i int) room.Step { return d.meeting.RoomStep(i) }

// Meeting is the deck as package meeting has it, for the other doors.
func (d *Deck) Meeting() *meeting.Deck { return d.meeting }
