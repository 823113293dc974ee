; Inno Setup (6.3 or later) script: installer for the one-folder Windows build of Renda Reader (人大报告对读).
;
;   python packaging\build.py                      (makes packaging\dist\reader\reader.exe)
;   iscc packaging\windows\reader.iss              (makes packaging\dist\RendaReader-<version>-setup.exe)
;
; Saved as UTF-8 with a BOM, so Inno Setup reads the Chinese name correctly.
; The version is not written here: it is read from reader.exe's version resource, which
; packaging\reader.spec fills from reader\__init__.py. Override with iscc /DAppVersion=x.y.z.

#define AppId "io.github.rendareader.Reader"
#define AppName "Renda Reader"
#define AppNameZh "人大报告对读"
#define DistDir AddBackslash(SourcePath) + "..\dist\reader"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\reader.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #error Could not read the version from reader.exe: build it first (python packaging\build.py)
#endif

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Renda Reader developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without admin rights unless the user picks "all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#SourcePath}\..\dist
OutputBaseFilename=RendaReader-{#AppVersion}-setup
SetupIconFile={#SourcePath}\..\..\resources\icons\reader.ico
UninstallDisplayIcon={app}\reader.exe
UninstallDisplayName={#AppName} ({#AppNameZh})
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Recent Inno Setup releases ship ChineseSimplified.isl; with an older one, copy the translation
; into its Languages folder, or the installer is built in English only.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version may ship fewer files: drop the old bundled libraries before copying.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\reader.exe"; Comment: "{#AppNameZh}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\reader.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\reader.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
