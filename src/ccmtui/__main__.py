from ccmtui.cli import main

main()
