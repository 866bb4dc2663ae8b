@echo off
rem qaror: the command line of the Qaror rules engine. Needs Java 17 or later (JAVA_HOME, or java on the PATH).
setlocal
set "QAROR_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
rem As bin/qaror: the quick compiler alone for short commands and those that mostly compile rules (check, test);
rem the optimising one for long ones, with G1 for the server; a batch's collector aims at 5% of the time (see there).
if not defined QAROR_JAVA_OPTS (
  set "QAROR_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  for %%c in (simulate generate rescreen) do if "%~1"=="%%c" set "QAROR_JAVA_OPTS=-XX:+UseParallelGC"
  if "%~1"=="batch" set "QAROR_JAVA_OPTS=-XX:+UseParallelGC -XX:GCTimeRatio=19"
  if "%~1"=="serve" set "QAROR_JAVA_OPTS=-XX:+UseG1GC"
)
"%JAVA%" %QAROR_JAVA_OPTS% -jar "%QAROR_HOME%\lib\qaror.jar" %*
exit /b %ERRORLEVEL%
