## Where runs are kept: messages about opening and saving them

store-not-found = there is no run { $id }; `poryadok runs` lists them
store-locked = run { $id } is already open in another poryadok (process { $pid }); close it there first
store-damaged = run { $id } could not be read ({ $reason }). The file was moved to { $moved } and nothing was overwritten; there is no earlier copy to restore
store-damaged-previous = run { $id } could not be read ({ $reason }). The file was moved to { $moved } and nothing was overwritten; the copy before the last save can be restored
store-newer = run { $id } was saved by a newer poryadok (run file format { $found }; this one reads up to { $supported }). The file was left untouched: update poryadok to open it
store-io = { $path }: { $error }
store-save-failed = could not save run { $id } to { $path }: { $error }. The file on disk is as it was before the change
