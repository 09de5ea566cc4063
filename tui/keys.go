package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding, grouped by where it applies. Help is built
// from it, so a binding and its help text never drift apart.
type KeyMap struct {
	Quit     key.Binding // anywhere
	Help     key.Binding
	Theme    key.Binding
	Glossary key.Binding

	Home    HomeKeys
	Reader  ReaderKeys
	Search  SearchKeys
	Popup   PopupKeys
	Confirm ConfirmKeys
	Index   IndexKeys
	Notes   NotesKeys
	Quiz    QuizKeys
	Present PresentKeys
	Map     MapKeys
	Room    RoomKeys
}

// MapKeys apply on the argument map.
type MapKeys struct {
	Up, Down, Left, Right, Next, Prev key.Binding
	Open, Close, Help                 key.Binding
}

// RoomKeys apply in a served room (studyguide serve): Join and Who on the
// facilitator's screen, the rest on a member's.
type RoomKeys struct {
	Join, Who                     key.Binding // the facilitator's
	Ahead, Back, Follow           key.Binding // reading on one's own
	Vote, Up, Down, Choose        key.Binding // voting
	Misses, Help, Leave, Continue key.Binding
}

// PresentKeys apply in the presenter.
type PresentKeys struct {
	Next, Prev, NextChapter, PrevChapter, Chapters key.Binding
	Count, Undo, Reveal                            key.Binding
	Timer, More, Less, Reset                       key.Binding
	NextTerm, PrevTerm                             key.Binding
	Help, Quit                                     key.Binding
}

// QuizKeys apply in the quiz.
type QuizKeys struct {
	Pick, Up, Down, Choose, Signs key.Binding // answering
	Next, Open                    key.Binding // after the feedback
	Stop, Review, Done            key.Binding
}

// IndexKeys apply in the glossary index, where every other key types into
// its filter.
type IndexKeys struct {
	Up, Down, PageUp, PageDown, Open, Close key.Binding
}

// ConfirmKeys answer a yes/no question.
type ConfirmKeys struct {
	Yes, No key.Binding
}

// NotesKeys apply in the note editor.
type NotesKeys struct {
	Done, Save key.Binding
}

// HomeKeys apply on the chapter list.
type HomeKeys struct {
	Up, Down, Open, Export, Quiz, Review, Plan, Map, Quit key.Binding
}

// ReaderKeys apply while reading a chapter.
type ReaderKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	NextSection, PrevSection, NextChapter, PrevChapter        key.Binding
	Search, NextMatch, PrevMatch, ClearSearch                 key.Binding
	NextTerm, PrevTerm, OpenTerm                              key.Binding
	EditNotes, Quiz, Guide                                    key.Binding
	Back                                                      key.Binding
}

// SearchKeys apply while typing a search.
type SearchKeys struct {
	Accept, Cancel key.Binding
}

// PopupKeys apply while a popup is open (scrolling uses the reader's keys).
type PopupKeys struct {
	Close, Back, NextLink, PrevLink, Follow key.Binding
}

// DefaultKeyMap is the conventional set: less and vim keys for reading.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Theme:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "light/dark")),
		Glossary: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "glossary index")),
		Notes: NotesKeys{
			Done: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "save and close")),
			Save: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		},
		Home: HomeKeys{
			Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
			Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
			Open:   key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "open")),
			Export: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export notes and quiz")),
			Quiz:   key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "quiz")),
			Review: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review missed")),
			Plan:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "meeting plan")),
			Map:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "argument map")),
			Quit:   key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		},
		Reader: ReaderKeys{
			Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
			Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
			PageUp:      key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("b/pgup", "page up")),
			PageDown:    key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("space", "page down")),
			HalfUp:      key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u", "½ page up")),
			HalfDown:    key.NewBinding(key.WithKeys("d", "ctrl+d"), key.WithHelp("d", "½ page down")),
			Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
			Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
			NextSection: key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "next section")),
			PrevSection: key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "previous section")),
			NextChapter: key.NewBinding(key.WithKeys("]", "right"), key.WithHelp("]/→", "next chapter")),
			PrevChapter: key.NewBinding(key.WithKeys("[", "left"), key.WithHelp("[/←", "previous chapter")),
			Search:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
			NextMatch:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
			PrevMatch:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
			ClearSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
			NextTerm:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next term")),
			PrevTerm:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous term")),
			OpenTerm:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "define term")),
			EditNotes:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "notes on this chapter")),
			Quiz:        key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "quiz on this chapter")),
			Guide:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "key ideas and questions")),
			Back:        key.NewBinding(key.WithKeys("q", "esc", "backspace"), key.WithHelp("q/esc", "chapters")),
		},
		Search: SearchKeys{
			Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to match")),
			Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		},
		Quiz: QuizKeys{
			Pick:   key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1–9", "answer")),
			Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous choice")),
			Down:   key.NewBinding(key.WithKeys("down", "j", "tab"), key.WithHelp("↓/j", "next choice")),
			Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer")),
			Signs:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "all signs")),
			Next:   key.NewBinding(key.WithKeys("enter", "space", "right", "n"), key.WithHelp("enter", "next")),
			Open:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "read the passage")),
			Stop:   key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "stop: summary")),
			Review: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review missed")),
			Done:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		},
		Present: PresentKeys{
			Next:        key.NewBinding(key.WithKeys("space", "right", "l", "pgdown", "n"), key.WithHelp("space/→", "next")),
			Prev:        key.NewBinding(key.WithKeys("left", "h", "backspace", "pgup", "p"), key.WithHelp("←/⌫", "back")),
			NextChapter: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next chapter")),
			PrevChapter: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "chapter start / previous")),
			Chapters:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "go to a chapter")),
			Count:       key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1–9 0", "count a hand")),
			Undo:        key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo a hand")),
			Reveal:      key.NewBinding(key.WithKeys("r", "enter"), key.WithHelp("r/enter", "reveal · open term")),
			Timer:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "timer start/pause")),
			More:        key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "a minute more")),
			Less:        key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("−", "a minute less")),
			Reset:       key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "reset timer")),
			NextTerm:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next term")),
			PrevTerm:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous term")),
			Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
			Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "end the presentation")),
		},
		Room: RoomKeys{
			Join:     key.NewBinding(key.WithKeys("j"), key.WithHelp("j", "how to join")),
			Who:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "who is in the room")),
			Ahead:    key.NewBinding(key.WithKeys("space", "right", "l", "pgdown", "n"), key.WithHelp("space/→", "read ahead")),
			Back:     key.NewBinding(key.WithKeys("left", "h", "backspace", "pgup", "p"), key.WithHelp("←", "read back")),
			Follow:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "follow the room")),
			Vote:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1–9 0", "vote")),
			Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "previous choice")),
			Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "next choice")),
			Choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "vote · open term")),
			Misses:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "where you differed")),
			Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
			Leave:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "leave the room")),
			Continue: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue")),
		},
		Index: IndexKeys{
			Up:       key.NewBinding(key.WithKeys("up", "ctrl+p", "shift+tab"), key.WithHelp("↑", "previous term")),
			Down:     key.NewBinding(key.WithKeys("down", "ctrl+n", "tab"), key.WithHelp("↓", "next term")),
			PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
			PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
			Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
			Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear the filter, then close")),
		},
		Confirm: ConfirmKeys{
			Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
			No:  key.NewBinding(key.WithKeys("n", "N", "esc", "q"), key.WithHelp("n/esc", "no")),
		},
		Map: MapKeys{
			Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
			Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
			Left:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "left")),
			Right: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "right")),
			Next:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
			Prev:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
			Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read that chapter")),
			Close: key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close")),
			Help:  key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		},
		Popup: PopupKeys{
			Close:    key.NewBinding(key.WithKeys("esc", "q", "?"), key.WithHelp("esc", "close")),
			Back:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "back")),
			NextLink: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next link")),
			PrevLink: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous link")),
			Follow:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		},
	}
}
