## Where runs are kept: messages about opening, saving and recovering them

store-not-found = there is no run { $id }; `poryadok runs` lists them
store-locked = run { $id } is already open in another poryadok (process { $pid }); close it there first
store-damaged = run { $id } could not be read ({ $reason }). The file was moved to { $moved } and nothing was overwritten; there is no earlier copy to restore
store-damaged-previous = run { $id } could not be read ({ $reason }). The file was moved to { $moved } and nothing was overwritten; `poryadok recover { $id }` restores the copy before the last save
store-unreadable = run { $id } cannot be read ({ $reason }); there is no earlier copy to restore. `poryadok recover { $id }` moves the file aside
store-unreadable-previous = run { $id } cannot be read ({ $reason }); `poryadok recover { $id }` moves it aside and restores the copy before its last save
store-missing = the file of run { $id } is not there; what is kept of it: { $aside }. There is no earlier copy that reads
store-missing-previous = the file of run { $id } is not there (moved aside as damaged{ $aside ->
    [none] {""}
   *[other] : { $aside }
}); `poryadok recover { $id }` restores the copy before its last save
store-nothing-to-restore = run { $id } cannot be restored: neither the run file nor the copy before its last save reads. What is kept of it: { $aside }
store-newer = run { $id } was saved by a newer poryadok (run file format { $found }; this one reads up to { $supported }). The file was left untouched: update poryadok to open it
store-link = { $path } is a symbolic link; poryadok does not follow links in its runs folder and left it as it is. If you did not make it, remove it
store-io = { $path }: { $error }
store-save-failed = run { $id } was not saved: { $reason }. Folder: { $folder }. The file on disk is as it was before the change; the change is kept in memory and is saved at the next try
store-save-unflushed = run { $id }: the change is in the file { $path }, but the disk did not confirm it was written ({ $reason }); a power cut right now could lose it. It is written again at the next save
store-recover-moved = run { $id }: what was in its file's place was moved to { $moved }
store-secrets-unreadable = { $count ->
    [one] the secret value of run { $id } ({ $fields }) cannot be read: the key file { $key } is not the one it was sealed with (deleted or replaced?). It is kept in the run file untouched; put the old key file back from a backup, or enter the value again
   *[other] { $count } secret values of run { $id } ({ $fields }) cannot be read: the key file { $key } is not the one they were sealed with (deleted or replaced?). They are kept in the run file untouched; put the old key file back from a backup, or enter them again
}
store-key-dangling = the key file { $path } is a link to { $target }, which is not there (a drive not connected?). Connect it, or remove the link to start a new key; secret values sealed with the old key cannot be read without it
store-key-size = the key file { $path } is damaged: it must hold 32 bytes, it holds { $len }. Put it back from a backup; poryadok did not change it

store-reason-full = the disk is full ({ $os })
store-reason-quota = the disk quota is used up ({ $os })
store-reason-read-only = the folder is on a read-only file system ({ $os })
store-reason-permission = there is no permission to write there ({ $os })
store-reason-missing = the folder or file is not there ({ $os })
store-reason-not-folder = a file stands where a folder of the path should be ({ $os })
store-reason-link = a symbolic link is in the file's place ({ $os })
store-reason-other = { $os }

store-decode-checksum = the content does not match its checksum: the file was damaged on the disk or changed outside poryadok
store-decode-no-checksum = the file has no checksum, which every run file of format { $format } has
store-decode-missing = the run file is not there (it was moved aside as damaged)
store-decode-missing-previous = the run file is not there (it was moved aside as damaged); the copy before its last save is kept
store-decode-folder = the run file is a folder
store-decode-dangling = the run file is a link to { $target }, which is not there
store-decode-unreadable = the run file cannot be read: { $os }
store-taken = a run { $id } exists already: the deleted one cannot take its place
attach-missing = there is no file «{ $path }»; give the path of the file to attach
attach-link = «{ $path }» is a symbolic link; give the file itself, not a link to it
attach-not-a-file = «{ $path }» is not a regular file (a folder or a device); give a file
attach-too-large = the file «{ $path }» is { $size } MB, more than the limit of { $limit } MB; make it smaller (scan at a lower resolution, for instance)
attach-unreadable = the file «{ $path }» could not be read: { $reason }
attach-not-stored = the file could not be stored in «{ $path }»: { $reason }
attach-size-bytes = { $size } { $size ->
    [one] byte
   *[other] bytes
}
attach-size-kb = { $size } KB
attach-size-mb = { $size } MB
