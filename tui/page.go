package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The root shows one screen (a page) at a time and talks to it through
// page alone: it passes the page the messages meant for it, draws it,
// tells it the terminal's size and asks for its keys. A page owns its
// keys; what it wants of the root (a popup, the reader, a quiz, the end)
// it asks for with a message, and the root never writes a page's fields.
// To add a screen: a model with these four methods, a screen constant
// and a line in Model.page.
type page interface {
	// update takes a message meant for the page.
	update(msg tea.Msg) tea.Cmd
	// view draws the page at the size resize gave.
	view() string
	// resize tells the page the terminal's size.
	resize(w, h int) tea.Cmd
	// help is every key of the page, for ?.
	help() [][]key.Binding
}

// showMsg asks the root to open a popup, made when the message arrives
// (at the terminal's size then), with the popup's first command.
type showMsg struct{ open func() (overlay, tea.Cmd) }

// show is the command that opens the popup open makes.
func show(open func() overlay) tea.Cmd {
	return func() tea.Msg { return showMsg{func() (overlay, tea.Cmd) { return open(), nil }} }
}

func (h *homeModel) update(msg tea.Msg) (cmd tea.Cmd) {
	*h, cmd = h.Update(msg)
	return cmd
}
func (h *homeModel) view() string { return h.View() + "\n" + h.c.shortHelp(h.c.width, h.ShortHelp()) }
func (h *homeModel) resize(w, ht int) tea.Cmd {
	h.SetSize(w, ht-1) // the line of keys under it
	return nil
}
func (h *homeModel) help() [][]key.Binding { return h.FullHelp() }

func (m *readerModel) update(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.Update(msg)
	return cmd
}
func (m *readerModel) view() string            { return m.View() }
func (m *readerModel) resize(w, h int) tea.Cmd { return m.SetSize(w, h) }
func (m *readerModel) help() [][]key.Binding   { return m.FullHelp() }

func (m *quizModel) update(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.Update(msg)
	return cmd
}
func (m *quizModel) view() string { return m.View() }
func (m *quizModel) resize(int, int) tea.Cmd {
	m.layout() // at the size in common
	return nil
}
func (m *quizModel) help() [][]key.Binding { return m.FullHelp() }

func (m *presentModel) update(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.Update(msg)
	return cmd
}
func (m *presentModel) view() string { return m.View() }
func (m *presentModel) resize(int, int) tea.Cmd {
	m.layout() // at the size in common
	return nil
}
func (m *presentModel) help() [][]key.Binding { return m.FullHelp() }

// The screens that are pages: the root's four, and a member's screen,
// which the member's program (NewSession) routes to.
var (
	_ page = (*homeModel)(nil)
	_ page = (*readerModel)(nil)
	_ page = (*quizModel)(nil)
	_ page = (*presentModel)(nil)
	_ page = (*memberScreen)(nil)
)
