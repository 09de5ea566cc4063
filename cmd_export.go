package main

import (
	"bytes"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"studyguide/progress"
)

func newExportCmd(opts *options) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write your notes on each chapter, then your quiz history, as markdown",
		Long: "Writes the notes kept for this profile as a markdown file to share with the group:\n" +
			"per chapter, the notes, then the quiz history. Without -o, to standard output;\n" +
			"-o never replaces an existing file.",
		Example: "  studyguide export -o notes.md\n  studyguide export --profile tuesday-group",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pack, err := opts.loadPack()
			if err != nil {
				return err
			}
			_, st, notice, err := progress.Open(progress.Options{Pack: pack.Meta.ID, Profile: opts.profile, NoSave: opts.noSave})
			if err != nil {
				return err
			}
			if notice != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "studyguide: "+notice)
			}
			st.FitTo(pack)
			var b bytes.Buffer
			if err := progress.Export(&b, st, pack, opts.profile, time.Now()); err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err = cmd.OutOrStdout().Write(b.Bytes())
				return err
			}
			written, err := progress.WriteNew(out, b.Bytes(), false)
			if err != nil {
				return fmt.Errorf("%w\nTo replace a file on purpose, write to standard output: studyguide export > %s", err, out)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "Written to %s: %s.\n", written, progress.ExportContents(st))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}
