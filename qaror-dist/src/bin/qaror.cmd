@echo off
rem qaror: the command line of the Qaror rules engine. Needs Java 17 or later (JAVA_HOME, or java on the PATH).
setlocal
set "QAROR_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if not defined QAROR_JAVA_OPTS set "QAROR_JAVA_OPTS=-XX:+UseSerialGC"
"%JAVA%" %QAROR_JAVA_OPTS% -jar "%QAROR_HOME%\lib\qaror.jar" %*
exit /b %ERRORLEVEL%
