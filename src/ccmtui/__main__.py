from ccmtui.launch import main

main()
